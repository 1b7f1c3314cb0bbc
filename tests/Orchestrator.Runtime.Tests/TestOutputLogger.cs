using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Orchestrator.Runtime.Tests;

/// <summary>Sends log lines to the test's output, so a failing end-to-end test shows what the runtime did.</summary>
internal sealed class TestOutputLoggerProvider(ITestOutputHelper output, LogLevel minimum) : ILoggerProvider
{
    // Framework categories (EF Core's SQL above all) only when something is wrong.
    public ILogger CreateLogger(string categoryName) => new Logger(
        output,
        categoryName[(categoryName.LastIndexOf('.') + 1)..],
        categoryName.StartsWith("Microsoft.", StringComparison.Ordinal) ? LogLevel.Warning : minimum);

    public void Dispose()
    {
    }

    private sealed class Logger(ITestOutputHelper output, string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            try
            {
                output.WriteLine($"{logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception)}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished; late log lines have nowhere to go.
            }
        }
    }
}
