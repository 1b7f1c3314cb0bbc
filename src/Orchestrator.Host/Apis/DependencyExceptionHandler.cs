using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Orchestrator.State;
using Orchestrator.Switching;

namespace Orchestrator.Host.Apis;

/// <summary>An unreachable state store, database or switch answers 503 with a problem, not a 500 with a stack trace.</summary>
internal sealed class DependencyExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var what = exception switch
        {
            StateStoreUnavailableException => "the live state store",
            DbException => "the database",
            SwitchNotReadyException => "the media switch",
            _ => null,
        };
        if (what is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "A dependency is unavailable",
                Detail = $"{what} cannot be reached right now; retry shortly ({exception.Message}).",
            },
        });
    }
}
