// Progressive enhancement: draws the line charts of <canvas data-chart="line"> and the horizontal grouped bar charts of
// <canvas data-chart="bar"> from their data-* attributes (data-labels: JSON array of category labels; data-series: JSON
// array of { label, data }; data-max: top of the value axis; data-unit: the value axis' title, "điểm" by default;
// data-library: the locally served Chart.js UMD build). The same numbers are always in a table next to the chart,
// so without script (or if drawing fails) nothing is lost; the chart's box stays hidden until it is drawn.
const palette = ["#a4161a", "#0b4f9c", "#1a6b32", "#8a5a00", "#6b3fa0", "#0e6e7e", "#4a5560"];
let library;

function loadChartJs(src) {
    if (window.Chart) return Promise.resolve(window.Chart);
    library ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error("Chart.js did not load")));
        script.onerror = () => reject(new Error(`Chart.js could not be loaded from ${src}`));
        document.head.appendChild(script);
    });
    return library;
}

function draw(Chart, canvas) {
    const labels = JSON.parse(canvas.dataset.labels || "[]");
    const series = JSON.parse(canvas.dataset.series || "[]");
    const existing = Chart.getChart(canvas);
    // Enhanced navigation may keep the canvas and change its data: redraw only when the data changed.
    if (existing && canvas.dataset.drawn === canvas.dataset.series + canvas.dataset.labels) return;
    existing?.destroy();
    const max = Number(canvas.dataset.max);
    canvas.parentElement.hidden = false;
    const unit = canvas.dataset.unit || "điểm";
    if (canvas.dataset.chart === "bar") {
        new Chart(canvas, {
            type: "bar",
            data: {
                labels,
                datasets: series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: palette[i % palette.length] })),
            },
            options: {
                // Drawn at once: a bar growing from 0 reads as a wrong number for a moment (and in a screenshot).
                animation: false,
                indexAxis: "y",
                locale: "vi-VN",
                responsive: true,
                maintainAspectRatio: false,
                scales: { x: { min: 0, max: max > 0 ? max : undefined, title: { display: true, text: unit } } },
                plugins: { legend: { position: "bottom" } },
            },
        });
        canvas.dataset.drawn = canvas.dataset.series + canvas.dataset.labels;
        return;
    }
    new Chart(canvas, {
        type: "line",
        data: {
            labels,
            datasets: series.map((s, i) => ({
                label: s.label,
                data: s.data,
                borderColor: palette[i % palette.length],
                backgroundColor: palette[i % palette.length],
                pointRadius: 4,
                spanGaps: true,
                clip: false,
            })),
        },
        options: {
            locale: "vi-VN",
            responsive: true,
            maintainAspectRatio: false,
            interaction: { mode: "index", intersect: false },
            scales: { y: { min: 0, max: max > 0 ? max : undefined, title: { display: true, text: unit } } },
            plugins: { legend: { position: "bottom" } },
        },
    });
    canvas.dataset.drawn = canvas.dataset.series + canvas.dataset.labels;
}

async function drawAll() {
    const canvases = document.querySelectorAll("canvas[data-chart][data-library]");
    if (canvases.length === 0) return;
    try {
        const Chart = await loadChartJs(canvases[0].dataset.library);
        for (const canvas of canvases) draw(Chart, canvas);
    } catch (error) {
        // The table below each chart carries the same numbers.
        console.warn(error);
    }
}

drawAll();
if (window.Blazor) window.Blazor.addEventListener?.("enhancedload", drawAll);
