namespace Platform.Notifications.Preferences;

public sealed record KindPreference(string Kind, string KindName, bool Legal, bool Email, bool InApp);

public sealed record PreferencesView(IReadOnlyList<KindPreference> Kinds);

public sealed record KindChoice(string Kind, bool Email, bool InApp);

public sealed record PreferencesUpdate(IReadOnlyList<KindChoice>? Kinds);
