using Cairn.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the command to stop gracefully; a second one terminates as usual.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

return await CairnCli.RunAsync(args, Console.Out, Console.Error, cancel.Token);
