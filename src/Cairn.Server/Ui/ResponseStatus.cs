namespace Cairn.Server.Ui;

/// <summary>Sets the HTTP status of a page that still renders its body (an error box, a not-found message).</summary>
public static class ResponseStatus
{
    /// <summary>
    /// Blazor's endpoint renderer sends a page that set 404 itself without a body (it expects
    /// NavigationManager.NotFound and a router NotFound page), so 404 is set just before the headers go
    /// out, after that check; other statuses are set at once.
    /// </summary>
    public static void Set(HttpContext? context, int status)
    {
        if (context is null || context.Response.HasStarted)
        {
            return;
        }

        if (status != StatusCodes.Status404NotFound)
        {
            context.Response.StatusCode = status;
            return;
        }

        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
