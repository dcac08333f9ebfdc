using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Tracking;

namespace Cairn.Server.Mlflow;

public static partial class ArtifactsApi
{
    /// <summary>
    /// <c>GET /get-artifact?run_id=&amp;path=</c> (MLflow's UI route; <c>run_uuid</c> also accepted): one file of a
    /// run, by its path relative to the run's artifact root, sent as an attachment with nosniff.
    /// </summary>
    private static async Task<IResult> GetRunArtifactAsync(HttpContext ctx, ITrackingStore tracking, IArtifactStore store)
    {
        var query = ctx.Request.Query;
        var runId = query["run_id"].ToString() is { Length: > 0 } id ? id : query["run_uuid"].ToString();
        if (runId.Length == 0)
        {
            throw CairnException.InvalidParameter("Missing value for required parameter 'run_id'.");
        }

        var relative = ArtifactPath.Normalize(query["path"].ToString());
        if (relative.Length == 0)
        {
            throw CairnException.InvalidParameter("Missing value for required parameter 'path': name a file under the run's artifacts.");
        }

        var run = await tracking.GetRunAsync(runId, ctx.RequestAborted);
        var root = ArtifactUri.TryGetStorePath(run.Info.ArtifactUri)
            ?? throw CairnException.NotFound($"Artifact '{relative}' is not stored on this server (the run's artifacts are at {run.Info.ArtifactUri}).");
        return await SendFileAsync(ctx, store, ArtifactPath.Combine(root, relative), relative);
    }
}
