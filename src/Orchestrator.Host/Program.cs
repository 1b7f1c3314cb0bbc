using Orchestrator.Host.Hosting;

try
{
    await Program.CreateApp(args).RunAsync();
    return 0;
}
catch (Exception error) when (StartupFailure.IsConfiguration(error, out var problems))
{
    await Console.Error.WriteAsync(StartupFailure.Describe(problems));
    return 1;
}

/// <summary>The orchestrator's process: <c>dotnet run --project src/Orchestrator.Host</c>.</summary>
public partial class Program
{
    /// <summary>Builds the host (also from tests). Throws <c>OptionsValidationException</c> listing every configuration problem.</summary>
    /// <param name="args">Command-line settings, e.g. <c>--Demo:Enabled=true</c>.</param>
    /// <param name="configure">Last changes to the services before the host is built (tests replace outputs here).</param>
    public static WebApplication CreateApp(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddOrchestrator();
        configure?.Invoke(builder);
        return builder.Build().MapOrchestrator();
    }
}
