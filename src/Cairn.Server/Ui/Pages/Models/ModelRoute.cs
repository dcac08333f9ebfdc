namespace Cairn.Server.Ui.Pages.Models;

/// <summary>
/// Route values of the models pages. ASP.NET Core decodes a path segment except for <c>%2F</c>, which it
/// keeps encoded so that the segment cannot split the route; a model name may hold a slash
/// ("team/churn", or markup such as <c>&lt;/b&gt;</c>), so the page decodes it back.
/// </summary>
public static class ModelRoute
{
    public static string Name(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
