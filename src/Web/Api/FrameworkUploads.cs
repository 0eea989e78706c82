namespace Platform.Web.Api;

/// <summary>
/// Intake's <c>POST /api/intake/frameworks/preview</c> (body: a definition's JSON): the version it would be, the version it
/// follows and the last period that one keeps, the readable changes, and every problem keyed by where it is in the file
/// (<c>$.effectiveFrom</c>, <c>$.groups[0].max</c>, <c>definition</c> for a rule that does not compile). No problems: it
/// may be uploaded. Nothing is stored.
/// </summary>
/// <param name="FollowsUntil">The last period the followed version keeps (<c>YYYY-MM</c> or <c>YYYY</c>).</param>
public sealed record FrameworkUploadPreview(FrameworkVersionSummary? Version, FrameworkVersionSummary? Follows, string? FollowsUntil,
    IReadOnlyList<FrameworkChange> Changes, IReadOnlyDictionary<string, string[]> Problems);

/// <summary>Intake's <c>GET /api/intake/frameworks/{id}/versions/{version}/changes</c>: a version against the one before it.</summary>
public sealed record FrameworkVersionChanges(FrameworkVersionSummary Version, FrameworkVersionSummary? Follows, IReadOnlyList<FrameworkChange> Changes);

/// <summary>One difference between a version and the one it follows; <see cref="Text"/> says it in Vietnamese.</summary>
/// <param name="Kind"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="Subject"><c>framework</c>, <c>class</c>, <c>group</c>, <c>indicator</c>, <c>input</c>, <c>check</c> or <c>interpretation</c>.</param>
public sealed record FrameworkChange(string Kind, string Subject, string Code, string Name, string? Field, string? Before, string? After, string Text);
