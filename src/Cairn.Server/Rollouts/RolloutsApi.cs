using Cairn.Contracts.Native.Rollouts;
using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Rollouts;
using Cairn.Server.Native;

namespace Cairn.Server.Rollouts;

/// <summary>
/// The rollouts API: start a progressive rollout on a deployment, read it with its decisions, pause,
/// resume or abort it, list rollouts. The actor is the <c>X-Cairn-User</c> header (as for deployments).
/// </summary>
public static class RolloutsApi
{
    private const string Prefix = "/api/v1/deployments/{name}/rollout";

    private static RolloutsJsonContext Json => RolloutsJsonContext.Default;

    /// <summary>The rollout service (also Core's IRolloutLauncher for pipelines) and its controller loop.</summary>
    public static IServiceCollection AddRolloutsApi(this IServiceCollection services)
    {
        services.AddOptions<RolloutControllerOptions>().BindConfiguration(RolloutControllerOptions.Section);
        return services.AddCairnRollouts();
    }

    public static WebApplication MapRolloutsApi(this WebApplication app)
    {
        var g = app.MapGroup(Prefix);
        g.MapPost("", StartAsync);
        g.MapGet("", GetAsync);
        g.MapPost("/pause", (HttpContext ctx, string name, RolloutService s) => ActAsync(ctx, name, s.PauseAsync));
        g.MapPost("/resume", (HttpContext ctx, string name, RolloutService s) => ActAsync(ctx, name, s.ResumeAsync));
        g.MapPost("/abort", (HttpContext ctx, string name, RolloutService s) => ActAsync(ctx, name, s.AbortAsync));
        app.MapGet("/api/v1/rollouts", ListAsync);
        return app;
    }

    private static async Task<IResult> StartAsync(HttpContext ctx, string name, RolloutService service)
    {
        var request = (await DeploymentsRequest.BodyAsync(ctx, Json.StartRolloutRequest, required: true))!;
        var model = string.IsNullOrWhiteSpace(request.Model) ? throw CairnException.MissingParameter("model") : request.Model;
        var version = request.Version ?? throw CairnException.MissingParameter("version");
        var actor = DeploymentsRequest.Change(ctx, null).Actor;
        var rollout = await service.BeginAsync(
            new RolloutStart(name, model, version, RolloutsMapping.ToPolicy(request.Policy), actor, request.Trigger ?? "api"), ctx.RequestAborted);
        return await WithDecisionsAsync(rollout, service, StatusCodes.Status201Created, ctx.RequestAborted);
    }

    private static async Task<IResult> GetAsync(HttpContext ctx, string name, RolloutService service) =>
        await WithDecisionsAsync(await service.CurrentAsync(name, ctx.RequestAborted), service, StatusCodes.Status200OK, ctx.RequestAborted);

    private static async Task<IResult> ActAsync(
        HttpContext ctx, string name, Func<string?, Serving.Deployments.ChangeContext, CancellationToken, Task<Rollout>> act)
    {
        var request = await DeploymentsRequest.BodyAsync(ctx, Json.RolloutActionRequest, required: false) ?? new();
        var rollout = await act(name, DeploymentsRequest.Change(ctx, request.Reason), ctx.RequestAborted);
        var service = ctx.RequestServices.GetRequiredService<RolloutService>();
        return await WithDecisionsAsync(rollout, service, StatusCodes.Status200OK, ctx.RequestAborted);
    }

    private static async Task<IResult> ListAsync(HttpContext ctx, RolloutService service)
    {
        var deployment = ctx.Request.Query["deployment"].ToString();
        var max = DeploymentsRequest.QueryLong(ctx, "max_results");
        if (max is < 1 or > RolloutService.MaxList)
        {
            throw CairnException.InvalidParameter($"Invalid value '{max}' for parameter 'max_results': it must be from 1 to {RolloutService.MaxList}.");
        }

        var rollouts = await service.ListAsync(deployment.Length == 0 ? null : deployment, (int?)max, ctx.RequestAborted);
        return TypedResults.Json(new ListRolloutsResponse(rollouts.Select(r => RolloutsMapping.ToDto(r)).ToList()), Json.ListRolloutsResponse);
    }

    private static async Task<IResult> WithDecisionsAsync(Rollout rollout, RolloutService service, int status, CancellationToken cancellationToken)
    {
        var decisions = await service.DecisionsAsync(rollout.Id, cancellationToken);
        return TypedResults.Json(new RolloutResponse(RolloutsMapping.ToDto(rollout, decisions)), Json.RolloutResponse, statusCode: status);
    }
}
