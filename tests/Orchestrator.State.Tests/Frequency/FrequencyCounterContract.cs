namespace Orchestrator.State.Tests;

public abstract class FrequencyCounterContract : StateStoreContract
{
    private const string Phone = "phone:+33612345678:day";
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private IFrequencyCounter Frequency => Store.Frequency;

    [Fact]
    public async Task TryRecord_UnderTheCap_RecordsTheAttempt()
    {
        Assert.True(await Frequency.TryRecordAsync(Phone, NewAttempt(), Start, Day, cap: 3, None));

        Assert.Equal(1, await Frequency.CountAsync(Phone, Start, Day, None));
    }

    [Fact]
    public async Task TryRecord_AtTheCap_ReturnsFalseAndRecordsNothing()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await Frequency.TryRecordAsync(Phone, NewAttempt(), Start.AddHours(i), Day, cap: 3, None));
        }

        Assert.False(await Frequency.TryRecordAsync(Phone, NewAttempt(), Start.AddHours(3), Day, cap: 3, None));

        Assert.Equal(3, await Frequency.CountAsync(Phone, Start.AddHours(3), Day, None));
    }

    [Fact]
    public async Task TryRecord_OfTheSameAttemptTwice_CountsItOnce()
    {
        var attempt = NewAttempt();

        Assert.True(await Frequency.TryRecordAsync(Phone, attempt, Start, Day, cap: 3, None));
        Assert.True(await Frequency.TryRecordAsync(Phone, attempt, Start.AddMinutes(1), Day, cap: 3, None));

        Assert.Equal(1, await Frequency.CountAsync(Phone, Start.AddMinutes(1), Day, None));
    }

    [Fact]
    public async Task TryRecord_OfAnAttemptAlreadyRecorded_ReturnsTrueEvenAtTheCap()
    {
        var attempt = NewAttempt();
        await Frequency.TryRecordAsync(Phone, attempt, Start, Day, cap: 2, None);
        await Frequency.TryRecordAsync(Phone, NewAttempt(), Start, Day, cap: 2, None);

        Assert.True(await Frequency.TryRecordAsync(Phone, attempt, Start.AddMinutes(1), Day, cap: 2, None));
        Assert.Equal(2, await Frequency.CountAsync(Phone, Start.AddMinutes(1), Day, None));
    }

    [Fact]
    public async Task TryRecord_OnceTheOldestAttemptLeftTheWindow_AllowsAnotherAttempt()
    {
        await Frequency.TryRecordAsync(Phone, NewAttempt(), Start, Day, cap: 2, None);
        await Frequency.TryRecordAsync(Phone, NewAttempt(), Start.AddHours(12), Day, cap: 2, None);
        Assert.False(await Frequency.TryRecordAsync(Phone, NewAttempt(), Start.AddHours(23), Day, cap: 2, None));

        Assert.True(await Frequency.TryRecordAsync(Phone, NewAttempt(), Start.AddHours(24), Day, cap: 2, None));
        Assert.Equal(2, await Frequency.CountAsync(Phone, Start.AddHours(24), Day, None));
    }

    [Fact]
    public async Task Count_ExcludesAnAttemptExactlyOneWindowOld()
    {
        await Frequency.TryRecordAsync(Phone, NewAttempt(), Start, Day, cap: 3, None);

        Assert.Equal(1, await Frequency.CountAsync(Phone, Start + Day - TimeSpan.FromMilliseconds(1), Day, None));
        Assert.Equal(0, await Frequency.CountAsync(Phone, Start + Day, Day, None));
    }

    [Fact]
    public async Task Count_ExcludesAttemptsRecordedAfterNow()
    {
        await Frequency.TryRecordAsync(Phone, NewAttempt(), Start.AddMinutes(5), Day, cap: 3, None);

        Assert.Equal(0, await Frequency.CountAsync(Phone, Start, Day, None));
    }

    [Fact]
    public async Task Count_OfAnUnknownKey_IsZero()
    {
        Assert.Equal(0, await Frequency.CountAsync(Phone, Start, Day, None));
    }

    [Fact]
    public async Task Keys_AreCountedSeparately()
    {
        await Frequency.TryRecordAsync("phone:+33600000001:day", NewAttempt(), Start, Day, cap: 1, None);

        Assert.True(await Frequency.TryRecordAsync("phone:+33600000002:day", NewAttempt(), Start, Day, cap: 1, None));
        Assert.False(await Frequency.TryRecordAsync("phone:+33600000001:day", NewAttempt(), Start, Day, cap: 1, None));
    }

    [Fact]
    public async Task TryRecord_WithCapZero_NeverRecords()
    {
        Assert.False(await Frequency.TryRecordAsync(Phone, NewAttempt(), Start, Day, cap: 0, None));

        Assert.Equal(0, await Frequency.CountAsync(Phone, Start, Day, None));
    }

    [Fact]
    public async Task TryRecord_WithANonPositiveWindow_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Frequency.TryRecordAsync(Phone, NewAttempt(), Start, TimeSpan.Zero, cap: 1, None));
    }

    [Fact]
    public async Task TryRecord_TwentyAttemptsAtOnceOnTwoInstancesWithCapFive_RecordsExactlyFive()
    {
        var other = await ConnectInstanceAsync();
        var attempts = Enumerable.Range(0, 20).Select(_ => NewAttempt()).ToArray();

        var recorded = await InParallel(20, i =>
            (i % 2 == 0 ? Store : other).Frequency.TryRecordAsync(Phone, attempts[i], Start, Day, cap: 5, None));

        Assert.Equal(5, recorded.Count(r => r));
        Assert.Equal(5, await Frequency.CountAsync(Phone, Start, Day, None));
    }
}
