// Debian's Chromium (`apt-get install -y chromium`) and the flags it needs here: Playwright cannot
// download its own browser, and without the background-networking flags Chromium keeps trying to
// reach Google's hosts on this closed network.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
