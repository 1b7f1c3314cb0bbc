using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Core.Calls;
using Orchestrator.Core.Dispositions;
using Orchestrator.Data;
using Orchestrator.Data.Attempts;
using Orchestrator.Data.Leads;
using Orchestrator.Data.Seeding;
using Orchestrator.Data.Sqlite;
using Orchestrator.Runtime.Agents;
using Orchestrator.Runtime.Dispositions;

namespace Orchestrator.Runtime.Tests;

/// <summary>
/// An attempt's end and the system's disposition are one transaction on a real SQLite file: there is no moment
/// (a crash, a stop) at which the attempt has ended but its lead has not been given its next step.
/// </summary>
public sealed class AttemptEndingTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orch-ending-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;
    private DispositionService _dispositions = null!;
    private Attempt _attempt = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddOrchestratorSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "orchestrator.db") }.ToString());
        _services = services.BuildServiceProvider();
        var databases = _services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>();
        _dispositions = new DispositionService(databases, _time);

        await using var db = await databases.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var seed = await DemoSeeder.EnsureSeededAsync(db, _time, new DemoSeedOptions { LeadCount = 1, AgentCount = 1 }, CancellationToken.None);
        var lead = await db.Leads.Include(l => l.Phones).SingleAsync();
        var phone = lead.Phones.First();
        _attempt = new Attempt
        {
            Id = Guid.NewGuid(),
            CampaignId = seed.CampaignId,
            LeadId = lead.Id,
            LeadPhoneId = phone.Id,
            PhoneNumber = phone.Number,
            CreatedAt = _time.GetUtcNow(),
            DialedAt = _time.GetUtcNow(),
            Result = AttemptResult.Dialing,
        };
        db.Attempts.Add(_attempt);
        lead.Status = LeadStatus.InProgress;
        lead.AttemptCount++;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AnAbandonedCall_EndsWithItsDrop_AndItsNumberProtectedFromTheCallsEnd()
    {
        var endedAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(3)); // the write happens a little after the hang-up

        var ended = await _dispositions.EndAsync(Ending(AttemptResult.Abandoned, endedAt), SystemDisposition.Abandoned, CancellationToken.None);

        Assert.True(ended);
        var (attempt, dispositions, lead) = await ReadAsync();
        Assert.Equal(endedAt, attempt.EndedAt);
        Assert.Equal(AttemptResult.Abandoned, attempt.Result);
        Assert.Equal("DROP", Assert.Single(dispositions).Code);
        var phone = lead.Phones.Single(p => p.Id == attempt.LeadPhoneId);
        Assert.Equal(endedAt + TimeSpan.FromHours(72), phone.ProtectedUntil); // counted from the call's end
        Assert.NotEqual(LeadStatus.InProgress, lead.Status);
    }

    [Fact]
    public async Task WhenTheDispositionCannotBeRecorded_TheAttemptIsNotEndedEither()
    {
        await Assert.ThrowsAsync<DispositionRejectedException>(
            () => _dispositions.EndAsync(Ending(AttemptResult.NoAnswer, _time.GetUtcNow()), "NO-SUCH-CODE", CancellationToken.None));

        var (attempt, dispositions, lead) = await ReadAsync();
        Assert.Null(attempt.EndedAt);
        Assert.Equal(AttemptResult.Dialing, attempt.Result);
        Assert.Empty(dispositions);
        Assert.Equal(LeadStatus.InProgress, lead.Status);
    }

    [Fact]
    public async Task ASecondEnd_ChangesNothing()
    {
        var first = _time.GetUtcNow();
        Assert.True(await _dispositions.EndAsync(Ending(AttemptResult.NoAnswer, first), SystemDisposition.ForUnconnectedCall(HangupCause.NoAnswer), CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await _dispositions.EndAsync(Ending(AttemptResult.Abandoned, _time.GetUtcNow()), SystemDisposition.Abandoned, CancellationToken.None));

        var (attempt, dispositions, _) = await ReadAsync();
        Assert.Equal(first, attempt.EndedAt);
        Assert.Equal(AttemptResult.NoAnswer, attempt.Result);
        Assert.Single(dispositions);
    }

    [Fact]
    public async Task AConnectedCall_Ends_AndWaitsForItsAgentsDisposition()
    {
        Assert.True(await _dispositions.EndAsync(Ending(AttemptResult.Connected, _time.GetUtcNow()), systemCode: null, CancellationToken.None));

        var (attempt, dispositions, lead) = await ReadAsync();
        Assert.NotNull(attempt.EndedAt);
        Assert.Empty(dispositions);
        Assert.Equal(LeadStatus.InProgress, lead.Status);
    }

    private AttemptEnding Ending(AttemptResult result, DateTimeOffset at) =>
        new(_attempt.Id, result, HangupCause.NormalClearing, "16", at);

    private async Task<(Attempt Attempt, List<Data.Dispositions.Disposition> Dispositions, Lead Lead)> ReadAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync();
        var attempt = await db.Attempts.AsNoTracking().SingleAsync(a => a.Id == _attempt.Id);
        var dispositions = await db.Dispositions.AsNoTracking().Where(d => d.AttemptId == _attempt.Id).ToListAsync();
        var lead = await db.Leads.AsNoTracking().Include(l => l.Phones).SingleAsync(l => l.Id == attempt.LeadId);
        return (attempt, dispositions, lead);
    }
}
