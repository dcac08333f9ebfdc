using System.Globalization;
using Cairn.Client;
using Cairn.Client.Predictions;

namespace Cairn.Cli.Commands.Demo;

/// <summary>
/// The replay engine: asks the deployment about one day at a time (records endpoint, one request per
/// client, each with its own request id) and sends each day's true weather as feedback
/// <see cref="FeedbackDelayDays"/> replayed days later, as it would arrive in production. Labelled days
/// are what a retraining may use ("the data seen so far").
/// </summary>
internal sealed class DemoTraffic(CairnClient client, string deployment, int feedbackDelayDays)
{
    private readonly List<PendingFeedback> _pending = [];
    private readonly Dictionary<DateOnly, WeatherDay> _labelled = [];
    private readonly Dictionary<string, ArmStats> _arms = new(StringComparer.Ordinal);
    private long _sequence;

    public int FeedbackDelayDays => feedbackDelayDays;

    /// <summary>Days whose feedback has arrived, in date order.</summary>
    public IReadOnlyList<WeatherDay> Labelled => [.. _labelled.Values.OrderBy(d => d.Date)];

    public long Requests { get; private set; }

    public long FeedbackSent { get; private set; }

    /// <summary>Asks about <paramref name="day"/> <paramref name="clients"/> times (in parallel, as separate clients would).</summary>
    public async Task ReplayDayAsync(WeatherDay day, int clients, CancellationToken cancellationToken)
    {
        var calls = new Task<(string Id, PredictResponse Response)>[clients];
        for (var i = 0; i < clients; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{day.Date:yyyy-MM-dd}-{++_sequence}");
            calls[i] = PredictAsync(id, day, cancellationToken);
        }

        foreach (var (id, response) in await Task.WhenAll(calls))
        {
            var label = response.Predictions.Count > 0 ? response.Predictions[0].Label : null;
            _pending.Add(new PendingFeedback(id, day, day.Date.AddDays(feedbackDelayDays), response.Variant ?? "?", response.Version ?? 0, label));
        }

        Requests += clients;
    }

    /// <summary>Sends the feedback that is due by <paramref name="today"/> (all of it when null).</summary>
    public async Task DeliverFeedbackAsync(DateOnly? today, CancellationToken cancellationToken)
    {
        var due = _pending.Where(p => today is null || p.Due <= today).ToList();
        if (due.Count == 0)
        {
            return;
        }

        foreach (var chunk in due.Chunk(16))
        {
            await Task.WhenAll(chunk.Select(p => client.SendFeedbackAsync(deployment, new FeedbackRequest { RequestId = p.RequestId, Actual = p.Day.Weather }, cancellationToken)));
        }

        foreach (var p in due)
        {
            _pending.Remove(p);
            _labelled[p.Day.Date] = p.Day;
            var arm = Arm(p.Variant, p.Version);
            arm.Labelled++;
            if (string.Equals(p.Predicted, p.Day.Weather, StringComparison.Ordinal))
            {
                arm.Correct++;
            }
        }

        FeedbackSent += due.Count;
    }

    /// <summary>Client-side accuracy per variant since the last reset (a cross-check of the server's numbers).</summary>
    public IReadOnlyDictionary<string, ArmStats> Arms => _arms;

    public void ResetArms() => _arms.Clear();

    private ArmStats Arm(string variant, long version)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{variant} (v{version})");
        if (!_arms.TryGetValue(key, out var arm))
        {
            arm = new ArmStats();
            _arms[key] = arm;
        }

        return arm;
    }

    private async Task<(string Id, PredictResponse Response)> PredictAsync(string id, WeatherDay day, CancellationToken cancellationToken)
    {
        var response = await client.PredictAsync(deployment, [day.Record()], new PredictOptions { RequestId = id }, cancellationToken);
        return (id, response);
    }

    private sealed record PendingFeedback(string RequestId, WeatherDay Day, DateOnly Due, string Variant, long Version, string? Predicted);
}

/// <summary>Labelled predictions of one variant and how many were right.</summary>
internal sealed class ArmStats
{
    public long Labelled { get; set; }

    public long Correct { get; set; }

    public double Accuracy => Labelled == 0 ? double.NaN : (double)Correct / Labelled;
}
