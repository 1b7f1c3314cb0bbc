using System.Net;
using Microsoft.Playwright;
using Orchestrator.Host.Tests.Infrastructure;

namespace Orchestrator.Host.Tests.Page;

/// <summary>The live page in Debian's Chromium (never Playwright's own browser download).</summary>
[Collection(ApiHostFixture.Collection)]
public sealed class WallboardPageTests(ApiHostFixture fixture)
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    [Fact]
    public async Task Wallboard_ShowsTheCampaignAndAgentRows_AndItsCountersMoveLive()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (scripts/test.sh does it).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fixture.Host.BaseAddress.ToString() });
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        var card = page.Locator($"[data-campaign-id=\"{fixture.DemoCampaignId}\"]");
        await Assertions.Expect(card.Locator(".name")).ToContainTextAsync("Demo progressive");
        var dials = card.Locator("[data-counter=\"dials\"]");
        var before = await dials.TextContentAsync();

        // An agent logs in while the page is open: their row appears, and their first call moves the dials counter.
        var agentId = fixture.TakeAgent();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.SendAsync(HttpMethod.Post, $"api/agents/{agentId}/login", new { campaignId = fixture.DemoCampaignId })).Status);

        var row = page.Locator($"#agents tr[data-agent-id=\"{agentId}\"]");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".campaign-name")).ToHaveTextAsync("Demo progressive");
        await Assertions.Expect(dials).Not.ToHaveTextAsync(before ?? "");
        await Assertions.Expect(row.Locator(".pill")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Ready|Reserved|OnCall|WrapUp"));

        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "wallboard.png"), FullPage = true });
    }
}
