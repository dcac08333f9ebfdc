using System.Collections.Concurrent;
using Cairn.Core.Registry;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Cairn.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Registry;

/// <summary>
/// A real server whose registry sees logged models through an in-memory <see cref="ILoggedModelResolver"/>,
/// standing in for the logged-model store (which the registry only knows through that interface).
/// </summary>
public sealed class LoggedModelServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _home = new("cairn-registry");
    private WebApplication? _app;

    public InMemoryLoggedModels LoggedModels { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = CairnServer.Build(
            new ServerOptions { Port = 0 },
            new StorageOptions { Home = _home.Path },
            builder => builder.Services.AddSingleton<ILoggedModelResolver>(LoggedModels));
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = _app.BoundAddress() };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _home.Dispose();
    }

    public sealed class InMemoryLoggedModels : ILoggedModelResolver
    {
        private readonly ConcurrentDictionary<string, LoggedModelReference> _models = new(StringComparer.Ordinal);

        /// <summary>Adds a logged model the way MLflow lays it out: <c>mlflow-artifacts:/&lt;exp&gt;/models/&lt;id&gt;/artifacts</c>.</summary>
        public LoggedModelReference Add(string experimentId, string? sourceRunId)
        {
            var id = "m-" + Guid.NewGuid().ToString("N");
            var model = new LoggedModelReference(id, experimentId, sourceRunId, $"mlflow-artifacts:/{experimentId}/models/{id}/artifacts");
            _models[id] = model;
            return model;
        }

        public Task<LoggedModelReference?> FindAsync(string modelId, CancellationToken cancellationToken) =>
            Task.FromResult(_models.TryGetValue(modelId, out var model) ? model : null);
    }
}
