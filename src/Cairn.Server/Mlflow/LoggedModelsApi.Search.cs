using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.LoggedModels;
using Cairn.Core.LoggedModels;
using Cairn.Core.Search;
using static Cairn.Server.Mlflow.MlflowRequest;

namespace Cairn.Server.Mlflow;

public static partial class LoggedModelsApi
{
    /// <summary>
    /// <c>POST /logged-models/search</c>. No match is <c>{}</c>, never a 404: <c>register_model("runs:/...")</c>
    /// and <c>download_artifacts</c> call it to ask "is this path a logged model?".
    /// </summary>
    private static async Task<IResult> SearchAsync(HttpContext ctx, ILoggedModelStore store)
    {
        var r = await ReadAsync(ctx, MlflowJsonContext.Default.SearchLoggedModelsRequest);
        if (r.ExperimentIds is not { Count: > 0 } experimentIds)
        {
            throw Core.Errors.CairnException.MissingParameter("experiment_ids");
        }

        var page = await store.SearchAsync(new LoggedModelSearchQuery
        {
            ExperimentIds = experimentIds,
            Filter = SearchFilterParser.Parse(r.Filter, SearchContext.LoggedModels),
            Datasets = [.. (r.Datasets ?? []).Select((d, i) => new LoggedModelDatasetFilter(
                Required(d.DatasetName, $"datasets[{i}].dataset_name"), d.DatasetDigest is { Length: > 0 } digest ? digest : null))],
            OrderBy = [.. (r.OrderBy ?? []).Select(o => new LoggedModelOrderBy(o.FieldName ?? "", o.Ascending ?? true)
            {
                DatasetName = o.DatasetName is { Length: > 0 } name ? name : null,
                DatasetDigest = o.DatasetDigest is { Length: > 0 } digest ? digest : null,
            })],
            MaxResults = r.MaxResults is null or 0 ? LoggedModelLimits.DefaultSearchResults : (int)Math.Clamp(r.MaxResults.Value, int.MinValue, int.MaxValue),
            PageToken = r.PageToken,
        }, ctx.RequestAborted);
        return TypedResults.Json(new SearchLoggedModelsResponse
        {
            Models = page.Items.Count == 0 ? null : [.. page.Items.Select(m => m.ToDto())],
            NextPageToken = page.NextPageToken,
        }, MlflowJsonContext.Default.SearchLoggedModelsResponse);
    }
}
