using AngleSharp.Dom;
using Bunit;
using Platform.Web.Api;
using Platform.Web.Components.Publication;
using Platform.Web.Components.Scoreboard;
using static Platform.Web.Tests.Scoreboard.ScoreboardData;

namespace Platform.Web.Tests.Scoreboard;

/// <summary>"No reported data" looks and reads the same on every page that can show it.</summary>
public sealed class NotReportedTests : BunitContext
{
    [Fact]
    public void Every_place_that_shows_a_unit_or_indicator_without_data_uses_the_same_words_and_style()
    {
        const string Mark = "[data-testid=not-reported]";
        IReadOnlyList<IElement>[] places =
        [
            Render<RankingTable>(p => p.Add(t => t.Lines, LinesWithSilent).Add(t => t.Groups, Framework.Groups).Add(t => t.Classes, Framework.Classes)).FindAll(Mark),
            Render<UnitSummary>(p => p.Add(s => s.Line, HaGiang).Add(s => s.Classes, Framework.Classes)).FindAll(Mark),
            Render<ScoreHistoryChart>(p => p.Add(c => c.History, [new ScoreHistoryPoint("2026-01", 1, null, null, null, new Dictionary<string, decimal>(), Reported: false)])
                .Add(c => c.Groups, Framework.Groups).Add(c => c.Classes, Framework.Classes)).FindAll(Mark),
            Render<UnitExplanation>(p => p.Add(e => e.Working, LaoCaiWorking()).Add(e => e.Framework, Framework)).FindAll(Mark),
            Render<MissingInputsList>(p => p.Add(m => m.Units, [new MissingUnit("ha-giang", "Tỉnh Hà Giang", false, [])]).Add(m => m.UnitsInGroup, 34)).FindAll(Mark),
            Render<RankingSummary>(p => p.Add(r => r.Ranking, new RunRanking(
                new ScoreRunInfo(Guid.NewGuid(), "v1", "2026-01", "provinces", "official", "current", 1, null, null, null, DateTimeOffset.UnixEpoch),
                [new RankingLine("ha-giang", null, null, null, 0, Reported: false)]))).FindAll(Mark),
        ];

        foreach (var marks in places)
        {
            Assert.NotEmpty(marks);
            Assert.All(marks, m => Assert.Equal((ScoreText.NotReported, "not-reported"), (m.TextContent, m.ClassName)));
            Assert.All(marks, m => Assert.False(string.IsNullOrEmpty(m.GetAttribute("title"))));
        }
    }
}

