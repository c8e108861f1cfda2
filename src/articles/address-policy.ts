import ipaddr from "ipaddr.js";

/**
 * Which addresses a page may be fetched from. Only ordinary public unicast addresses: a URL given
 * by a Discord user must never make the bot reach into the machine it runs on or the network
 * around it (cloud metadata at 169.254.169.254, an admin panel on 10.0.0.1, a database on
 * localhost). ipaddr.js names the special ranges of IPv4 and IPv6; anything it does not call
 * `unicast` is refused, which also covers the IPv6 forms that embed an IPv4 address (6to4,
 * Teredo, NAT64) and the reserved and documentation ranges. An IPv4-mapped IPv6 address
 * (`::ffff:10.0.0.1`) is judged as the IPv4 address it carries.
 */

const RANGE_WORDS: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  uniqueLocal: "a private address (IPv6 unique local)",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT (CGNAT) address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  broadcast: "the broadcast address",
  reserved: "a reserved address",
  "6to4": "an IPv6 address embedding an IPv4 one (6to4)",
  teredo: "an IPv6 address embedding an IPv4 one (Teredo)",
  rfc6052: "an IPv6 address embedding an IPv4 one (NAT64)",
  rfc6145: "an IPv6 address embedding an IPv4 one (SIIT)",
};

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3") as [ipaddr.IPv6, number];

/** The address as judged: IPv4-mapped IPv6 becomes the IPv4 address it carries. */
function parse(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

/** Whether `text` is an IP address literal (IPv4 or IPv6, brackets allowed). */
export function isIpLiteral(text: string): boolean {
  return parse(text) !== null;
}

/**
 * Why `address` may not be fetched from, as words for a reason ("a private address"), or null
 * when it may. `allowLoopback` (FETCH_ALLOW_LOOPBACK=1, for tests) opens 127.0.0.0/8 and ::1 and
 * nothing else.
 */
export function blockedAddress(address: string, allowLoopback = false): string | null {
  const parsed = parse(address);
  if (!parsed) return "not an IP address";
  const range = parsed.range();
  // Of IPv6, only global unicast (2000::/3) is the public internet; the rest of what ipaddr.js
  // calls unicast includes the deprecated IPv4-compatible ::a.b.c.d.
  if (range === "unicast" && parsed.kind() === "ipv6" && !parsed.match(GLOBAL_UNICAST_V6)) {
    return "a reserved address (outside IPv6 global unicast 2000::/3)";
  }
  if (range === "unicast") return null;
  if (range === "loopback" && allowLoopback) return null;
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}
