using Cairn.Serving.Deployments;

namespace Cairn.Server.Native;

/// <summary>The traffic and lifecycle actions: set-weights, promote, rollback, pause, resume, delete.</summary>
public static partial class DeploymentsApi
{
    private static async Task<IResult> SetWeightsAsync(HttpContext ctx, string name, DeploymentService service)
    {
        var request = (await DeploymentsRequest.BodyAsync(ctx, Json.SetWeightsRequest, required: true))!;
        return Ok(await service.SetWeightsAsync(name, request.Weights, request.Revision, DeploymentsRequest.Change(ctx, request.Reason), ctx.RequestAborted));
    }

    private static async Task<IResult> PromoteAsync(HttpContext ctx, string name, DeploymentService service)
    {
        var request = (await DeploymentsRequest.BodyAsync(ctx, Json.PromoteRequest, required: true))!;
        return Ok(await service.PromoteAsync(
            name, request.Variant, request.KeepOthers ?? false, request.Revision, DeploymentsRequest.Change(ctx, request.Reason), ctx.RequestAborted));
    }

    private static async Task<IResult> RollbackAsync(HttpContext ctx, string name, DeploymentService service)
    {
        var request = await DeploymentsRequest.BodyAsync(ctx, Json.RollbackRequest, required: false) ?? new();
        return Ok(await service.RollbackAsync(name, request.ToSequence, request.Revision, DeploymentsRequest.Change(ctx, request.Reason), ctx.RequestAborted));
    }

    private static async Task<IResult> PauseAsync(HttpContext ctx, string name, DeploymentService service)
    {
        var request = await DeploymentsRequest.BodyAsync(ctx, Json.DeploymentChangeRequest, required: false) ?? new();
        return Ok(await service.PauseAsync(name, request.Revision, DeploymentsRequest.Change(ctx, request.Reason), ctx.RequestAborted));
    }

    private static async Task<IResult> ResumeAsync(HttpContext ctx, string name, DeploymentService service)
    {
        var request = await DeploymentsRequest.BodyAsync(ctx, Json.DeploymentChangeRequest, required: false) ?? new();
        return Ok(await service.ResumeAsync(name, request.Revision, DeploymentsRequest.Change(ctx, request.Reason), ctx.RequestAborted));
    }

    /// <summary>DELETE takes <c>reason</c> and <c>revision</c> from the query string or an optional JSON body.</summary>
    private static async Task<IResult> DeleteAsync(HttpContext ctx, string name, DeploymentService service)
    {
        var request = await DeploymentsRequest.BodyAsync(ctx, Json.DeploymentChangeRequest, required: false) ?? new();
        var reason = request.Reason ?? (ctx.Request.Query["reason"].ToString() is { Length: > 0 } r ? r : null);
        var revision = request.Revision ?? DeploymentsRequest.QueryLong(ctx, "revision");
        await service.DeleteAsync(name, revision, DeploymentsRequest.Change(ctx, reason), ctx.RequestAborted);
        return Results.Text("{}", "application/json");
    }
}
