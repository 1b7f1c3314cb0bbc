using System.Globalization;
using Orchestrator.Simulator.Dialplan;

namespace Orchestrator.Simulator.Ami.Actions;

/// <summary>What an installer's checks ask: ModuleCheck and ShowDialPlan (scripts/verify-asterisk.sh uses both).</summary>
internal static class DialplanActions
{
    /// <summary>The simulated Asterisk has every module the orchestrator needs loaded.</summary>
    public static Task ModuleCheck(ActionContext ctx)
    {
        if (string.IsNullOrEmpty(ctx["Module"]))
        {
            ctx.Error("Module not specified");
            return Task.CompletedTask;
        }

        ctx.Reply(AmiReplies.Start("Success", ctx.ActionId).Add("Version", string.Empty).Build());
        return Task.CompletedTask;
    }

    /// <summary>Lists the extensions of one context (or of all), as ListDialplan events.</summary>
    public static Task ShowDialPlan(ActionContext ctx)
    {
        var context = ctx["Context"];
        var contexts = KnownDialplan.Contexts.Where(c => context is null || string.Equals(c.Context, context, StringComparison.Ordinal)).ToList();
        if (contexts.Count == 0)
        {
            ctx.Error($"Did not find context {context}");
            return Task.CompletedTask;
        }

        ctx.Reply(AmiReplies.ListStart(ctx.ActionId, "DialPlan list will follow"));
        var items = 0;
        foreach (var (name, extensions) in contexts)
        {
            foreach (var extension in extensions)
            {
                items++;
                var item = new Protocols.Ami.AmiMessageBuilder().Add("Event", "ListDialplan");
                if (!string.IsNullOrEmpty(ctx.ActionId))
                {
                    item.Add("ActionID", ctx.ActionId);
                }

                ctx.Reply(item
                    .Add("Context", name)
                    .Add("Extension", extension)
                    .Add("Priority", "1")
                    .Add("Application", "NoOp")
                    .Add("AppData", string.Empty)
                    .Add("Registrar", "pbx_config")
                    .Build());
            }
        }

        ctx.Reply(AmiReplies.ListComplete("ShowDialPlanComplete", ctx.ActionId, items)
            .Add("ListExtensions", items.ToString(CultureInfo.InvariantCulture))
            .Add("ListPriorities", items.ToString(CultureInfo.InvariantCulture))
            .Add("ListContexts", contexts.Count.ToString(CultureInfo.InvariantCulture))
            .Build());
        return Task.CompletedTask;
    }
}
