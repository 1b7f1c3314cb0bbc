// The wallboard: one SignalR connection to /hubs/wallboard. "Snapshot" gives the picture to start from;
// "Campaigns" arrives about once a second, "Agent" on every agent change. Plain DOM, no build step.

const campaignsBox = document.getElementById("campaigns");
const agentsBody = document.querySelector("#agents tbody");
const agentsEmpty = document.getElementById("agents-empty");
const connectionLabel = document.getElementById("connection");
const campaignTemplate = document.getElementById("campaign-template");

/** Agents by id, as last pushed. */
const agents = new Map();
/** Campaign names by id, for the agents table. */
const campaignNames = new Map();

const percent = (value) => `${(value ?? 0).toFixed(1)} %`;

function elapsed(since) {
  const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

function setConnection(state, text) {
  connectionLabel.dataset.state = state;
  connectionLabel.textContent = text;
}

function renderCampaigns(statuses) {
  const seen = new Set();
  for (const status of statuses) {
    seen.add(String(status.campaignId));
    campaignNames.set(status.campaignId, status.name);
    let card = campaignsBox.querySelector(`[data-campaign-id="${status.campaignId}"]`);
    if (!card) {
      card = campaignTemplate.content.firstElementChild.cloneNode(true);
      card.dataset.campaignId = status.campaignId;
      campaignsBox.append(card);
    }

    const counters = status.counters ?? {};
    const set = (name, value) => { card.querySelector(`[data-counter="${name}"]`).textContent = value; };
    card.querySelector(".name").textContent = `${status.name} · ${status.mode}`;
    const state = card.querySelector(".state");
    state.textContent = status.state;
    state.dataset.state = status.state;
    card.querySelector(".reason").textContent = status.waitingReason ? `Waiting: ${status.waitingReason}` : "";
    set("dials", counters.dials ?? 0);
    set("answers", counters.answers ?? 0);
    set("humans", counters.humans ?? 0);
    set("connects", counters.connects ?? 0);
    set("abandons", counters.abandons ?? 0);
    set("hopper", status.hopperSize);
    set("inProgress", status.callsInProgress);
    set("agents", `${status.agentsReady} / ${status.agentsBusy} / ${status.agentsPaused}`);

    const abandon = card.querySelector(".abandon");
    const rate = abandon.querySelector("dd");
    rate.textContent = percent(status.abandonRatePercent);
    const cap = document.createElement("small");
    cap.textContent = ` cap ${status.abandonCapPercent} %`;
    rate.append(cap);
    abandon.dataset.over = String(status.abandonRatePercent > status.abandonCapPercent);
  }

  for (const card of campaignsBox.querySelectorAll("[data-campaign-id]")) {
    if (!seen.has(card.dataset.campaignId)) card.remove();
  }
  campaignsBox.querySelector(".empty").hidden = statuses.length > 0;
  for (const row of agentsBody.rows) {
    const agent = agents.get(Number(row.dataset.agentId));
    if (agent) row.querySelector(".campaign-name").textContent = campaignNames.get(agent.campaignId) ?? `#${agent.campaignId}`;
  }
}

function renderAgent(agent) {
  agents.set(agent.agentId, agent);
  let row = agentsBody.querySelector(`tr[data-agent-id="${agent.agentId}"]`);
  if (!row) {
    row = document.createElement("tr");
    row.dataset.agentId = agent.agentId;
    row.innerHTML = `<td class="who"></td><td class="campaign-name"></td><td><span class="pill"></span></td>` +
      `<td class="number since"></td><td class="number calls"></td><td class="occupancy"><span class="bar"><span></span></span><span class="value"></span></td>`;
    const rows = [...agentsBody.rows];
    const after = rows.find((r) => agents.get(Number(r.dataset.agentId))?.login > agent.login);
    agentsBody.insertBefore(row, after ?? null);
  }

  row.dataset.state = agent.state;
  const who = row.querySelector(".who");
  who.textContent = agent.displayName;
  const login = document.createElement("span");
  login.className = "login";
  login.textContent = agent.login;
  who.append(login);
  row.querySelector(".campaign-name").textContent = campaignNames.get(agent.campaignId) ?? `#${agent.campaignId}`;
  const pill = row.querySelector(".pill");
  pill.textContent = agent.state;
  pill.dataset.state = agent.state;
  row.querySelector(".since").textContent = elapsed(agent.since);
  row.querySelector(".calls").textContent = agent.callsHandled;
  const occupancy = Math.round((agent.occupancy ?? 0) * 1000) / 10;
  row.querySelector(".bar span").style.width = `${Math.min(100, occupancy)}%`;
  row.querySelector(".occupancy .value").textContent = `${occupancy.toFixed(1)} %`;
  agentsEmpty.hidden = agents.size > 0;
}

function tickSince() {
  for (const row of agentsBody.rows) {
    const agent = agents.get(Number(row.dataset.agentId));
    if (agent) row.querySelector(".since").textContent = elapsed(agent.since);
  }
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl("hubs/wallboard")
  .withAutomaticReconnect()
  .build();

connection.on("Campaigns", renderCampaigns);
connection.on("Agent", renderAgent);
connection.onreconnecting(() => setConnection("reconnecting", "reconnecting…"));
connection.onreconnected(() => { setConnection("connected", "live"); loadSnapshot(); });
connection.onclose(() => setConnection("disconnected", "disconnected"));

async function loadSnapshot() {
  const snapshot = await connection.invoke("Snapshot");
  renderCampaigns(snapshot.campaigns);
  for (const agent of snapshot.agents) renderAgent(agent);
}

async function start() {
  try {
    await connection.start();
    setConnection("connected", "live");
    await loadSnapshot();
  } catch (error) {
    setConnection("disconnected", `cannot connect (${error.message ?? error}); retrying`);
    setTimeout(start, 3000);
  }
}

setInterval(tickSince, 1000);
start();
