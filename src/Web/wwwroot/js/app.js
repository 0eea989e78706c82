// Progressive enhancement only: every page works without this file.
// Deadline countdowns (<time class="countdown" datetime="…">) are refreshed every minute in Vietnamese. The server's
// "now" at rendering (data-now) is the reference, advanced by the time spent on the page: a computer whose clock is
// wrong still counts down to the deadline the server applies.
const pageLoadedAt = Date.now();
function countdownText(deadline, now) {
    const left = deadline - now;
    const span = Math.abs(left);
    const days = Math.floor(span / 86400000);
    const hours = Math.floor((span % 86400000) / 3600000);
    const minutes = Math.floor((span % 3600000) / 60000);
    const text = days >= 1 ? `${days} ngày ${hours} giờ`
        : hours >= 1 ? `${hours} giờ ${minutes} phút`
        : `${Math.max(1, Math.ceil(span / 60000))} phút`;
    return left >= 0 ? `còn ${text}` : `quá hạn ${text}`;
}

function refreshCountdowns() {
    for (const element of document.querySelectorAll("time.countdown[datetime]")) {
        const deadline = Date.parse(element.getAttribute("datetime"));
        if (Number.isNaN(deadline)) continue;
        const rendered = Date.parse(element.dataset.now ?? "");
        const now = Number.isNaN(rendered) ? Date.now() : rendered + (Date.now() - pageLoadedAt);
        element.textContent = countdownText(deadline, now);
        element.classList.toggle("overdue", deadline < now);
    }
}

refreshCountdowns();
setInterval(refreshCountdowns, 60000);
document.addEventListener("DOMContentLoaded", refreshCountdowns);
if (window.Blazor) window.Blazor.addEventListener?.("enhancedload", refreshCountdowns);

// Reporter pages: a file over the service's limit (data-max-bytes) is refused in the browser with the page's
// Vietnamese message (data-too-large), before a large upload is sent for nothing. The server checks again.
function checkFileSize(input) {
    const max = Number(input.dataset.maxBytes);
    const file = input.files && input.files[0];
    input.setCustomValidity(file && max > 0 && file.size > max ? (input.dataset.tooLarge || "Tệp quá lớn.") : "");
}

document.addEventListener("change", event => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === "file" && target.dataset.maxBytes) {
        checkFileSize(target);
        target.reportValidity();
    }
});

// A table wider than the screen scrolls inside its box (.table-wrap): that box takes keyboard focus, named after its
// table, so the rest of the table can be reached without a mouse (WCAG 2.1.1). Boxes that need no scrolling stay out
// of the tab order.
function markScrollableTables() {
    for (const wrap of document.querySelectorAll(".table-wrap")) {
        if (wrap.scrollWidth > wrap.clientWidth + 1) {
            wrap.tabIndex = 0;
            wrap.setAttribute("role", "region");
            const caption = wrap.querySelector("caption");
            wrap.setAttribute("aria-label", "Bảng cuộn ngang" + (caption ? ": " + caption.textContent.trim() : ""));
        } else if (wrap.hasAttribute("tabindex")) {
            wrap.removeAttribute("tabindex");
            wrap.removeAttribute("role");
            wrap.removeAttribute("aria-label");
        }
    }
}

markScrollableTables();
document.addEventListener("DOMContentLoaded", markScrollableTables);
window.addEventListener("resize", markScrollableTables);
