using System.CommandLine;
using Cairn.Cli.Output;
using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Registry;

namespace Cairn.Cli.Commands;

/// <summary><c>cairn models list|show|alias|register</c>: the model registry.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context) =>
        new("models", "List registered models, their versions and aliases; move aliases.")
        {
            List(context),
            Show(context),
            Alias(context),
            Register(context),
            ModelsImportOnnxCommand.Create(context),
        };

    private static Command List(CliContext context)
    {
        var filter = new Option<string?>("--filter") { Description = "Registered-model filter, e.g. \"name LIKE 'churn%'\"." };
        var command = new Command("list", "List registered models.") { filter };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var models = new List<RegisteredModelDto>();
            await foreach (var model in client.EnumerateRegisteredModelsAsync(parse.GetValue(filter), ["name ASC"], cancellationToken: cancellationToken))
            {
                models.Add(model);
            }

            if (context.WantsJson(parse))
            {
                CliJson.Write(context.Out, new SearchRegisteredModelsResponse { RegisteredModels = models });
                return ExitCodes.Ok;
            }

            var table = new Table("NAME", "LATEST", "ALIASES", "UPDATED", "DESCRIPTION").AlignRight(1);
            foreach (var model in models)
            {
                var latest = (model.LatestVersions ?? []).Select(v => long.TryParse(v.Version, out var n) ? n : 0).DefaultIfEmpty().Max();
                table.AddRow(model.Name, latest > 0 ? latest.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
                    Aliases(model.Aliases), Formats.Time(model.LastUpdatedTimestamp), model.Description);
            }

            table.Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The registered model's name." };
        var command = new Command("show", "Show a registered model: its versions, stages and aliases.") { name };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var model = await client.GetRegisteredModelAsync(parse.GetValue(name)!, cancellationToken);
            var versions = new List<ModelVersionDto>();
            await foreach (var version in client.EnumerateModelVersionsAsync($"name = {Quote(model.Name)}", cancellationToken: cancellationToken))
            {
                versions.Add(version);
            }

            versions.Sort((a, b) => VersionNumber(b).CompareTo(VersionNumber(a)));
            if (context.WantsJson(parse))
            {
                CliJson.Write(context.Out, new ModelDetails(model, versions));
                return ExitCodes.Ok;
            }

            new Table("FIELD", "VALUE") { ShowHeader = false, MaxCellWidth = 200 }
                .AddRow("Name", model.Name)
                .AddRow("Description", model.Description)
                .AddRow("Created", Formats.Time(model.CreationTimestamp))
                .AddRow("Updated", Formats.Time(model.LastUpdatedTimestamp))
                .AddRow("Aliases", Aliases(model.Aliases))
                .AddRow("Tags", string.Join(", ", (model.Tags ?? []).Select(t => $"{t.Key}={t.Value}")))
                .Write(context.Out);
            await context.Out.WriteLineAsync();
            var table = new Table("VERSION", "ALIASES", "STAGE", "STATUS", "RUN ID", "CREATED", "SOURCE").AlignRight(0);
            foreach (var version in versions)
            {
                table.AddRow(version.Version, string.Join(", ", version.Aliases ?? []), version.CurrentStage, version.Status, version.RunId,
                    Formats.Time(version.CreationTimestamp), version.Source);
            }

            table.Write(context.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Alias(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The registered model's name." };
        var alias = new Argument<string>("alias") { Description = "The alias, e.g. champion." };
        var version = new Argument<string?>("version") { Description = "The version the alias should point at.", Arity = ArgumentArity.ZeroOrOne };
        var delete = new Option<bool>("--delete") { Description = "Remove the alias instead of setting it." };
        var command = new Command("alias", "Point an alias at a model version (or remove it with --delete).") { name, alias, version, delete };
        command.Validators.Add(result =>
        {
            var hasVersion = !string.IsNullOrEmpty(result.GetValue(version));
            if (result.GetValue(delete) == hasVersion)
            {
                result.AddError(hasVersion ? "Give either a version or --delete, not both." : "A version is required (or --delete to remove the alias).");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var (model, aliasName) = (parse.GetValue(name)!, parse.GetValue(alias)!);
            if (parse.GetValue(delete))
            {
                await client.DeleteAliasAsync(model, aliasName, cancellationToken);
                await WriteAsync(context, parse, EmptyResponse.Instance, $"Removed alias '{aliasName}' from {model}.");
                return ExitCodes.Ok;
            }

            await client.SetAliasAsync(model, aliasName, parse.GetValue(version)!, cancellationToken);
            var target = await client.GetModelVersionByAliasAsync(model, aliasName, cancellationToken);
            await WriteAsync(context, parse, new ModelVersionResponse(target), $"{model}@{aliasName} -> version {target.Version}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Register(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The registered model's name (created when missing)." };
        var run = new Option<string>("--run") { Description = "The run that logged the model.", Required = true };
        var path = new Option<string>("--path") { Description = "The model's directory inside the run's artifacts.", DefaultValueFactory = _ => "model" };
        var command = new Command("register", "Register a run's model directory as a new model version.") { name, run, path };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = context.CreateClient(parse);
            var version = await client.RegisterModelAsync(parse.GetValue(run)!, parse.GetValue(path)!, parse.GetValue(name)!, cancellationToken);
            await WriteAsync(context, parse, new ModelVersionResponse(version), $"Registered {version.Name} version {version.Version}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteAsync<T>(CliContext context, ParseResult parse, T json, string text)
    {
        if (context.WantsJson(parse))
        {
            CliJson.Write(context.Out, json);
        }
        else
        {
            await context.Out.WriteLineAsync(text);
        }
    }

    private static string Aliases(IReadOnlyList<RegisteredModelAliasDto>? aliases) =>
        string.Join(", ", (aliases ?? []).OrderBy(a => a.Alias, StringComparer.Ordinal).Select(a => $"{a.Alias}→v{a.Version}"));

    private static long VersionNumber(ModelVersionDto version) => long.TryParse(version.Version, out var n) ? n : 0;

    /// <summary>A filter string literal; MLflow accepts single or double quotes, so pick the one the name does not contain.</summary>
    private static string Quote(string value) => value.Contains('\'', StringComparison.Ordinal) ? $"\"{value}\"" : $"'{value}'";
}
