namespace Cairn.Server.Ui;

/// <summary>Wires the web UI: Blazor components rendered by the server, plus their embedded assets.</summary>
public static class UiRegistration
{
    public static IServiceCollection AddCairnUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntiforgery();
        return services;
    }

    public static WebApplication MapCairnUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapUiAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
