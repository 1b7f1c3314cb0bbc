using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.TestSupport;

namespace Orchestrator.Host.Tests.Infrastructure;

/// <summary>
/// The real host (<see cref="Program.CreateApp"/>) listening on a free loopback port, with its SQLite file in a temp
/// folder, in-memory state and the embedded simulator (fast calls) unless the settings say otherwise.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly DirectoryInfo _directory;

    private RunningHost(WebApplication app, Uri baseAddress, DirectoryInfo directory)
    {
        App = app;
        BaseAddress = baseAddress;
        _directory = directory;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public string DatabasePath => Path.Combine(_directory.FullName, "orchestrator.db");

    /// <summary>The outcome model of the tests: 70 % live customers, 2 s talk, 0.5 s wrap-up.</summary>
    public static string FastCallsModel => Path.Combine(AppContext.BaseDirectory, "Infrastructure", "fast-calls.json");

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="settings">Extra or overriding settings, as <c>--Key=Value</c> arguments.</param>
    /// <param name="configure">Last changes to the services before the host is built.</param>
    public static async Task<RunningHost> StartAsync(IEnumerable<string>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("orch-host-tests-");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeTcpPort.Next();
            string[] args =
            [
                $"--Urls=http://127.0.0.1:{port}",
                $"--Database:ConnectionString=Data Source={Path.Combine(directory.FullName, "orchestrator.db")}",
                "--State:Provider=InMemory",
                "--Switch:Type=Simulator",
                $"--Simulator:OutcomeModel={FastCallsModel}",
                "--Runtime:InstanceId=host-tests",
                "--Serilog:MinimumLevel:Default=Warning",
                .. settings ?? [],
            ];
            var app = Program.CreateApp(args, configure);
            try
            {
                await app.StartAsync();
                return new RunningHost(app, new Uri($"http://127.0.0.1:{port}/"), directory);
            }
            catch (IOException) when (attempt < 3)
            {
                // Someone took the port between FreeTcpPort and the bind: try another.
                await app.DisposeAsync();
            }
        }
    }

    public async Task<T> GetJsonAsync<T>(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!App.Lifetime.ApplicationStopped.IsCancellationRequested)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await App.StopAsync(stop.Token);
        }

        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS.
        }
    }
}
