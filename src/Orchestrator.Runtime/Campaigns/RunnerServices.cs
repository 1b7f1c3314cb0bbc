using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Data;
using Orchestrator.Runtime.Agents;
using Orchestrator.Runtime.Calls;
using Orchestrator.Runtime.Dialing;
using Orchestrator.Runtime.Dispositions;
using Orchestrator.Runtime.Routing;
using Orchestrator.Runtime.Observability;
using Orchestrator.State;
using Orchestrator.Switching;

namespace Orchestrator.Runtime.Campaigns;

/// <summary>Everything a campaign runner works with, shared by all runners of the instance.</summary>
internal sealed record RunnerServices(
    IDbContextFactory<OrchestratorDbContext> Databases,
    IStateStore State,
    ISwitchAdapter Switch,
    AgentDesk Agents,
    DispositionService Dispositions,
    AttemptWriter Attempts,
    Dialer Dialer,
    HopperFiller Filler,
    CallRouter Router,
    IRuntimeObserver Observer,
    TimeProvider Time,
    RuntimeOptions Options,
    ILogger Logger);
