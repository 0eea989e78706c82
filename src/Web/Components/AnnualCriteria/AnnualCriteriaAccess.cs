using Platform.Web.Api;

namespace Platform.Web.Components.AnnualCriteria;

/// <summary>Who reads the QĐ 2244 pages: as the service's readers (reporters, reviewers, leaders, publishers, administrators).</summary>
public static class AnnualCriteriaAccess
{
    public static bool CanRead(Me me) => me.IsReporter || me.IsReviewer || me.IsLeader || me.IsPublisher || me.IsAdministrator;
}
