using System.Globalization;
using Cairn.Core.Errors;

namespace Cairn.Server.Ui.Pages.Monitoring;

/// <summary>
/// The monitoring overview's query (<c>?deployment=NAME&amp;before=ID</c>) and the report page's id, checked
/// here so that bad input becomes a CairnException naming the field (the page shows it with status 400).
/// </summary>
public sealed record MonitoringQuery(string? Deployment, long? Before)
{
    /// <summary>Reports per page of the overview.</summary>
    public const int PageSize = 25;

    /// <summary>The longest deployment name the filter accepts (a longer one cannot exist).</summary>
    public const int MaxDeploymentLength = 256;

    public static MonitoringQuery Parse(string? deployment, string? before)
    {
        var name = string.IsNullOrWhiteSpace(deployment) ? null : deployment.Trim();
        if (name is { Length: > MaxDeploymentLength })
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter 'deployment': a deployment name has at most {MaxDeploymentLength} characters.");
        }

        long? beforeId = null;
        if (!string.IsNullOrWhiteSpace(before))
        {
            beforeId = long.TryParse(before.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id
                : throw CairnException.InvalidParameter($"Invalid value '{before}' for parameter 'before': it must be a report id (a positive integer).");
        }

        return new MonitoringQuery(name, beforeId);
    }

    /// <summary>A report id from the page's route; the same rule as <c>GET /api/v1/monitor/reports/{id}</c>.</summary>
    public static long ParseReportId(string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var reportId) && reportId > 0
            ? reportId
            : throw CairnException.InvalidParameter($"Invalid value '{id}' for parameter 'id': a report id is a positive integer.");

    /// <summary>The overview's URL for this deployment filter (null: every deployment) and page.</summary>
    public static string Url(string? deployment, long? before = null)
    {
        var query = new List<string>(2);
        if (deployment is not null)
        {
            query.Add("deployment=" + Uri.EscapeDataString(deployment));
        }

        if (before is { } b)
        {
            query.Add("before=" + b.ToString(CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? Links.Monitoring : Links.Monitoring + "?" + string.Join('&', query);
    }
}
