using System.Text.Json.Nodes;

namespace Cairn.Cli.Commands.Demo;

internal sealed partial class DemoRunner
{
    /// <summary>The story, phase by phase; false when a phase could not be completed (the timeline says why).</summary>
    private async Task<bool> TellStoryAsync(CancellationToken cancellationToken)
    {
        if (!await TrainChampionAsync(cancellationToken))
        {
            return false;
        }

        await DeployAsync(cancellationToken);
        await ReplayHoldOutAsync(cancellationToken);
        if (!await CheckHoldOutAsync(cancellationToken))
        {
            return false;
        }

        if (!await ApplyRetrainPipelineAsync(cancellationToken))
        {
            return false;
        }

        await Replay2014Async(cancellationToken);
        var retrainRun = await DetectDriftAndRetrainAsync(cancellationToken);
        if (retrainRun is null)
        {
            return false;
        }

        if (!await FollowRetrainingAsync(retrainRun, cancellationToken))
        {
            return false;
        }

        return await WorseCandidateAsync(cancellationToken);
    }

    /// <summary>
    /// Replays 2014 one day at a time, one request per day, with each day's weather arriving as feedback a
    /// week later; the labelled days join the training data file (what a retraining would use).
    /// </summary>
    private async Task Replay2014Async(CancellationToken cancellationToken)
    {
        var days = _data.Year2014;
        var quarter = 0;
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            await _traffic.ReplayDayAsync(day, 1, cancellationToken);
            await _traffic.DeliverFeedbackAsync(day.Date, cancellationToken);
            if (i % 5 == 0)
            {
                await timeline.ProgressAsync($"replaying 2014: {day.Date:yyyy-MM-dd} ({i + 1}/{days.Count} days, {_traffic.FeedbackSent} feedback)");
            }

            if (day.Date.Month % 3 == 0 && (i + 1 == days.Count || days[i + 1].Date.Month != day.Date.Month))
            {
                quarter++;
                await UpdateSeenDataAsync(cancellationToken);
                var arm = _traffic.Arms.Values.FirstOrDefault();
                await timeline.AddAsync("traffic", "quarter_replayed",
                    $"Q{quarter} 2014 replayed: {i + 1} days asked, feedback for {_traffic.Labelled.Count - _data.HoldOut.Count} of them so far (a week late)",
                    day.Date,
                    new JsonObject
                    {
                        ["requests"] = _traffic.Requests,
                        ["client_side_accuracy_2014"] = Round(arm?.Accuracy),
                        ["training_file_rows"] = _data.Training.Count + _traffic.Labelled.Count(d => d.Date.Year >= 2014),
                    });
            }
        }
    }

    /// <summary>
    /// The data seen so far: the champion's training days plus every 2014–2015 day whose feedback has arrived.
    /// Rewriting the file changes its hash, so the next pipeline run imports it as a new dataset version.
    /// </summary>
    private Task UpdateSeenDataAsync(CancellationToken cancellationToken) =>
        DemoData.WriteCsvAsync(settings.DataFile, [.. _data.Training, .. _traffic.Labelled.Where(d => d.Date.Year >= 2014)], cancellationToken);
}
