using Cairn.Contracts.Native.Deployments;
using Cairn.Serving.Deployments;

namespace Cairn.Server.Native;

/// <summary>
/// The native deployments API under <c>/api/v1/deployments</c>: create, list, inspect, change variants,
/// weights, promote, roll back, pause, resume, delete, the change history, and feedback. Every change
/// records who (the <c>X-Cairn-User</c> header, else the authenticated user, else "anonymous"), when and
/// why (<c>reason</c>); an optional <c>revision</c> makes it conditional (409 RESOURCE_CONFLICT when stale).
/// Errors use the common {error_code, message} body.
/// </summary>
public static partial class DeploymentsApi
{
    private const string Prefix = "/api/v1/deployments";

    private static DeploymentsJsonContext Json => DeploymentsJsonContext.Default;

    /// <summary>Deployment and feedback services; the model host and router come from the serving host's registration.</summary>
    public static IServiceCollection AddDeploymentsApi(this IServiceCollection services) => services.AddCairnDeployments();

    public static WebApplication MapDeploymentsApi(this WebApplication app)
    {
        var g = app.MapGroup(Prefix);
        g.MapPost("", CreateAsync);
        g.MapGet("", ListAsync);
        g.MapGet("/{name}", GetAsync);
        g.MapPatch("/{name}", UpdateAsync);
        g.MapPut("/{name}/variants", ReplaceVariantsAsync);
        g.MapPost("/{name}/set-weights", SetWeightsAsync);
        g.MapPost("/{name}/promote", PromoteAsync);
        g.MapPost("/{name}/rollback", RollbackAsync);
        g.MapPost("/{name}/pause", PauseAsync);
        g.MapPost("/{name}/resume", ResumeAsync);
        g.MapDelete("/{name}", DeleteAsync);
        g.MapGet("/{name}/events", EventsAsync);
        g.MapPost("/{name}/feedback", FeedbackAsync);
        return app;
    }

    private static IResult Ok(Cairn.Core.Serving.Deployment d, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(new DeploymentResponse(DeploymentsMapping.ToDto(d)), Json.DeploymentResponse, statusCode: status);

    private static async Task<IResult> CreateAsync(HttpContext ctx, DeploymentService service)
    {
        var request = (await DeploymentsRequest.BodyAsync(ctx, Json.CreateDeploymentRequest, required: true))!;
        var created = await service.CreateAsync(
            new NewDeployment { Name = request.Name, Description = request.Description, StickyKey = request.StickyKey, Variants = DeploymentsMapping.ToSpecs(request.Variants) },
            DeploymentsRequest.Change(ctx, request.Reason),
            ctx.RequestAborted);
        return Ok(created, StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(HttpContext ctx, DeploymentService service)
    {
        var all = await service.ListAsync(ctx.RequestAborted);
        return TypedResults.Json(new ListDeploymentsResponse(all.Select(DeploymentsMapping.ToDto).ToList()), Json.ListDeploymentsResponse);
    }

    private static async Task<IResult> GetAsync(HttpContext ctx, string name, DeploymentService service) =>
        Ok(await service.GetAsync(name, ctx.RequestAborted));

    private static async Task<IResult> UpdateAsync(HttpContext ctx, string name, DeploymentService service)
    {
        var request = (await DeploymentsRequest.BodyAsync(ctx, Json.UpdateDeploymentRequest, required: true))!;
        var update = new DeploymentUpdate
        {
            Variants = DeploymentsMapping.ToSpecs(request.Variants), Description = request.Description, StickyKey = request.StickyKey, Revision = request.Revision,
        };
        return Ok(await service.UpdateAsync(name, update, DeploymentsRequest.Change(ctx, request.Reason), ctx.RequestAborted));
    }

    private static async Task<IResult> ReplaceVariantsAsync(HttpContext ctx, string name, DeploymentService service)
    {
        var request = (await DeploymentsRequest.BodyAsync(ctx, Json.UpdateDeploymentRequest, required: true))!;
        if (request.Description is not null || request.StickyKey is not null)
        {
            throw Core.Errors.CairnException.InvalidParameter("PUT .../variants replaces only 'variants' (with 'revision' and 'reason'); change 'description' or 'sticky_key' with PATCH.");
        }

        var update = new DeploymentUpdate
        {
            Variants = DeploymentsMapping.ToSpecs(request.Variants) ?? throw Core.Errors.CairnException.MissingParameter("variants"), Revision = request.Revision,
        };
        return Ok(await service.UpdateAsync(name, update, DeploymentsRequest.Change(ctx, request.Reason), ctx.RequestAborted));
    }

    private static async Task<IResult> EventsAsync(HttpContext ctx, string name, DeploymentService service)
    {
        var max = DeploymentsRequest.QueryLong(ctx, "max_results");
        if (max is < 1 or > DeploymentService.MaxEvents)
        {
            throw Core.Errors.CairnException.InvalidParameter($"Invalid value '{max}' for parameter 'max_results': it must be from 1 to {DeploymentService.MaxEvents}.");
        }

        var events = await service.ListEventsAsync(name, (int?)max, ctx.RequestAborted);
        return TypedResults.Json(new ListDeploymentEventsResponse(events.Select(DeploymentsMapping.ToDto).ToList()), Json.ListDeploymentEventsResponse);
    }

    private static async Task<IResult> FeedbackAsync(HttpContext ctx, string name, FeedbackService service)
    {
        var request = (await DeploymentsRequest.BodyAsync(ctx, Json.FeedbackRequest, required: true))!;
        var (items, batch) = DeploymentsMapping.ToFeedback(request);
        var accepted = await service.AddAsync(name, items, batch, ctx.RequestAborted);
        return TypedResults.Json(new FeedbackResponse(accepted), Json.FeedbackResponse);
    }
}
