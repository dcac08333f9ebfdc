using System.Net;
using Cairn.Client;
using Cairn.Contracts.Mlflow.Tracking;

namespace Cairn.Cli.Commands;

/// <summary>Commands take an experiment by name or by id; a name wins when both would match.</summary>
internal static class ExperimentResolver
{
    public static async Task<ExperimentDto> ResolveAsync(CairnClient client, string nameOrId, CancellationToken cancellationToken) =>
        await FindAsync(client, nameOrId, cancellationToken)
        ?? throw new CairnApiException(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", $"No experiment named or numbered '{nameOrId}'.");

    public static async Task<ExperimentDto?> FindAsync(CairnClient client, string nameOrId, CancellationToken cancellationToken)
    {
        if (await client.GetExperimentByNameAsync(nameOrId, cancellationToken) is { } byName)
        {
            return byName;
        }

        if (nameOrId.Length > 0 && nameOrId.All(char.IsAsciiDigit))
        {
            try
            {
                return await client.GetExperimentAsync(nameOrId, cancellationToken);
            }
            catch (CairnApiException e) when (e.IsNotFound)
            {
                return null;
            }
        }

        return null;
    }
}
