using Cairn.Core.Errors;
using Cairn.Data.Tables;
using Cairn.Training.Baseline;
using Cairn.Training.Bundles;
using Cairn.Training.Evaluation;
using Cairn.Training.Featurization;
using Cairn.Training.Labels;
using Cairn.Training.Trainers;
using Cairn.Training.Views;
using Microsoft.ML;

namespace Cairn.Training;

/// <summary>
/// Trains a model bundle from a <see cref="TrainingRequest"/>: validates the request, derives the
/// input signature and featurization from the schema, fits the trainer, and evaluates the result on
/// the test data (else validation, else training data). CPU-bound and synchronous; callers that
/// must not block run it on a worker thread.
/// </summary>
public static partial class ModelTrainer
{
    public static TrainingResult Train(TrainingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var label = request.Train.Columns.FirstOrDefault(c => c.Name == request.Label)
            ?? throw CairnException.InvalidParameter(
                $"Label column '{request.Label}' is not in the training data; columns: {string.Join(", ", request.Train.Columns.Select(c => c.Name))}.");
        var features = SelectFeatures(request);
        var isBaseline = request.Trainer == TrainerCatalog.Baseline;
        var factory = isBaseline ? null : TrainerCatalog.Find(request.Trainer);
        var parameters = new HyperParameterReader(request.Trainer, request.HyperParameters, TrainerCatalog.HyperParametersOf(request.Trainer));
        var encoding = LabelEncoding.Fit(request.Task, label, request.PositiveClass);
        var inputs = features.Select(Describe).ToList();
        cancellationToken.ThrowIfCancellationRequested();

        BundlePayload payload = isBaseline
            ? new BaselinePayload(BaselineModel.Fit(
                request.Task,
                encoding.ClassLabels,
                request.Task == ModelTask.Regression ? null : LabelEncoding.ToStrings(label),
                request.Task == ModelTask.Regression ? LabelEncoding.ToNumbers(label) : null))
            : FitMlNet(request, factory!, parameters, encoding, inputs, cancellationToken);

        var manifest = new BundleManifest
        {
            Flavor = payload.Flavor,
            Task = request.Task,
            Label = request.Label,
            ClassLabels = encoding.ClassLabels,
            Inputs = inputs,
            Outputs = OutputsOf(request.Task, encoding.ClassLabels),
            Trainer = request.Trainer,
            HyperParameters = request.HyperParameters,
            Seed = request.Seed,
            TrainingProfile = request.TrainingProfileJson is { } profile ? ParseProfile(profile) : null,
        };
        var bundle = new ModelBundle(manifest, payload);

        var (data, dataset) = request.Test is { } test ? (test, "test")
            : request.Validation is { } validation ? (validation, "validation")
            : (request.Train, "train");
        using var scorer = bundle.CreateScorer();
        var report = ModelEvaluator.Evaluate(scorer, data, request.Label, cancellationToken) with { Dataset = dataset };
        bundle = bundle.WithManifest(manifest with { Metrics = report.Metrics, MetricsDataset = dataset, ConfusionMatrix = report.ConfusionMatrix });
        return new TrainingResult(bundle, report);
    }

    private static MlNetPayload FitMlNet(
        TrainingRequest request, ITrainerFactory factory, HyperParameterReader parameters, LabelEncoding encoding,
        IReadOnlyList<SignatureField> inputs, CancellationToken cancellationToken)
    {
        var label = request.Train[request.Label];
        var rows = LabelEncoding.RowsWithLabel(label);
        if (request.Task == ModelTask.Regression && factory.Name == "lbfgs" && LabelEncoding.ToNumbers(label).Any(v => v < 0))
        {
            throw CairnException.InvalidParameter(
                $"Trainer 'lbfgs' fits Poisson regression, which needs a non-negative label; '{request.Label}' has negative values.");
        }

        var ml = new MLContext(request.Seed);
        var layout = new ViewLayout(inputs, encoding, request.Label);
        var view = new FrameDataView(layout, layout.Load(request.Train, rows));
        var featurization = Featurizer.Build(ml, layout, factory.NeedsNormalization);
        // Linear trainers make many passes over the data; caching the featurized rows once makes
        // each pass a memory scan instead of re-running the featurization (ML.NET's advice too).
        if (factory.NeedsNormalization)
        {
            featurization = featurization.AppendCacheCheckpoint(ml);
        }

        IEstimator<ITransformer> estimator = featurization.Append(factory.Create(ml, request.Task, parameters, request.Seed));
        if (request.Task == ModelTask.MulticlassClassification)
        {
            estimator = estimator.Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        }

        // ML.NET 5 exposes no public way to interrupt a Fit; cancellation is honoured before and after it.
        cancellationToken.ThrowIfCancellationRequested();
        var model = estimator.Fit(view);
        cancellationToken.ThrowIfCancellationRequested();
        return new MlNetPayload(model, layout.WithoutLabel().Schema);
    }

    private static List<DataColumn> SelectFeatures(TrainingRequest request)
    {
        var byName = request.Train.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var name in (request.Features ?? []).Concat(request.Exclude))
        {
            if (!byName.ContainsKey(name))
            {
                throw CairnException.InvalidParameter($"Feature column '{name}' is not in the training data.");
            }
        }

        if (request.Features?.Contains(request.Label) == true)
        {
            throw CairnException.InvalidParameter($"Column '{request.Label}' is the label; it cannot also be a feature.");
        }

        var names = request.Features ?? [.. request.Train.Columns.Select(c => c.Name).Where(n => n != request.Label && !request.Exclude.Contains(n))];
        var features = names.Where(n => !request.Exclude.Contains(n)).Select(n => byName[n]).ToList();
        return features.Count > 0 ? features : throw CairnException.InvalidParameter("The request selects no feature columns.");
    }
}
