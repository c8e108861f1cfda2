import { describe, expect, it } from "vitest";
import { blockedAddress } from "../../src/articles/address-policy";

/** Every kind of address a URL may lead to, and whether a page may be fetched from it. */
describe("which addresses pages may be fetched from", () => {
  it.each([
    // IPv4: public unicast only.
    ["93.184.216.34", null],
    ["8.8.8.8", null],
    ["127.0.0.1", "a loopback address"],
    ["127.255.255.254", "a loopback address"],
    ["10.0.0.1", "a private address"],
    ["172.16.0.1", "a private address"],
    ["172.31.255.255", "a private address"],
    ["192.168.1.1", "a private address"],
    ["169.254.169.254", "a link-local address"],
    ["169.254.0.1", "a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT (CGNAT) address"],
    ["100.127.255.254", "a carrier-grade NAT (CGNAT) address"],
    ["224.0.0.1", "a multicast address"],
    ["239.255.255.250", "a multicast address"],
    ["0.0.0.0", "an unspecified address"],
    ["255.255.255.255", "the broadcast address"],
    ["192.0.2.1", "a reserved address"],
    ["240.0.0.1", "a reserved address"],
    // IPv6.
    ["2606:4700:4700::1111", null],
    ["::1", "a loopback address"],
    ["::", "an unspecified address"],
    ["fe80::1", "a link-local address"],
    ["fc00::1", "a private address (IPv6 unique local)"],
    ["fd12:3456:789a::1", "a private address (IPv6 unique local)"],
    ["ff02::1", "a multicast address"],
    ["[::1]", "a loopback address"],
    // IPv4 inside IPv6: judged as the IPv4 address, or refused as an embedding.
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:10.0.0.1", "a private address"],
    ["::ffff:a9fe:a9fe", "a link-local address"],
    ["::ffff:93.184.216.34", null],
    ["64:ff9b::a00:1", "an IPv6 address embedding an IPv4 one (NAT64)"],
    ["2002:a00:1::1", "an IPv6 address embedding an IPv4 one (6to4)"],
    ["::127.0.0.1", "a loopback address"],
    ["::7f00:1", "a reserved address (outside IPv6 global unicast 2000::/3)"],
    ["2001:db8::1", "a reserved address"],
    ["not-an-address", "not an IP address"],
  ])("%s → %s", (address, expected) => {
    expect(blockedAddress(address)).toBe(expected);
  });

  it.each([
    ["127.0.0.1", null],
    ["127.8.9.10", null],
    ["::1", null],
    ["::ffff:127.0.0.1", null],
    ["10.0.0.1", "a private address"],
    ["169.254.169.254", "a link-local address"],
    ["192.168.0.1", "a private address"],
    ["100.64.0.1", "a carrier-grade NAT (CGNAT) address"],
    ["0.0.0.0", "an unspecified address"],
    ["fe80::1", "a link-local address"],
  ])("with FETCH_ALLOW_LOOPBACK only loopback opens: %s → %s", (address, expected) => {
    expect(blockedAddress(address, true)).toBe(expected);
  });
});
