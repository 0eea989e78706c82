using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Platform.Web.Api;

namespace Platform.Web.Components.Shared;

/// <summary>
/// A page for signed-in people: without a session the browser is sent to sign in (and back here); a person
/// without the roles the page needs sees <see cref="Forbidden"/> instead of its content, answered with HTTP 403.
/// </summary>
public abstract class SignedInPage : ComponentBase
{
    [Inject] protected CurrentUser CurrentUser { get; set; } = null!;
    [Inject] protected PlatformApi Api { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected FrameworkClient Frameworks { get; set; } = null!;

    /// <summary>The request being answered (static server rendering), to set the page's HTTP status.</summary>
    [CascadingParameter] private HttpContext? Exchange { get; set; }

    protected Me? Me { get; private set; }

    protected bool Forbidden { get; private set; }

    /// <summary>Whether the person may open the page (all signed-in people by default).</summary>
    protected virtual bool Allowed(Me me) => true;

    /// <summary>Loads the page's data once the person is known and allowed.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected override async Task OnInitializedAsync()
    {
        Me = await CurrentUser.GetAsync();
        if (Me is null)
        {
            SignIn();
            return;
        }
        if (!Allowed(Me))
        {
            Forbidden = true;
            RespondForbidden();
            return;
        }
        await LoadAsync();
    }

    /// <summary>To sign in and back to this page (also when the session ended during a call).</summary>
    protected void SignIn() =>
        Navigation.NavigateTo("/dang-nhap?returnUrl=" + Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri)), forceLoad: true);

    /// <summary>403 with this page's own explanation, for browsers, crawlers and tests alike.</summary>
    protected void RespondForbidden()
    {
        if (Exchange is { Response.HasStarted: false } exchange) exchange.Response.StatusCode = StatusCodes.Status403Forbidden;
    }

    /// <summary>
    /// What the page shows does not exist or lies outside the person's scope (the services answer 404 for both): the
    /// "not found" page, answered 404, instead of this one — with <paramref name="reason"/>, when given, saying what is
    /// missing in words (Blazor renders its not-found page for any page that answers 404, so the page cannot say it itself).
    /// </summary>
    protected void RespondNotFound(string? reason = null)
    {
        if (reason is not null && Exchange is { } exchange) exchange.Items[Pages.NotFound.ReasonItem] = reason;
        Navigation.NotFound();
    }

    /// <summary>A page whose subject the service refused to load answers the service's 403 or 404.</summary>
    protected void RespondToLoad<T>(ApiResult<T> result)
    {
        if (result.Status == HttpStatusCode.NotFound) RespondNotFound();
        else if (result.Status == HttpStatusCode.Forbidden) RespondForbidden();
    }

    /// <summary>The value of a call, or null after sending the browser to sign in when the session has ended.</summary>
    protected T? Checked<T>(ApiResult<T> result)
    {
        if (result.SignedOut) SignIn();
        return result.Value;
    }
}
