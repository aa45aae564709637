package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"strings"
)

// guard decides which addresses a fetch may connect to.
type guard struct {
	prefixes []netip.Prefix  // allowed although internal
	hosts    map[string]bool // allowed host names and addresses, any port
	hostPort map[string]bool // allowed "host:port"
	addrPort map[netip.AddrPort]bool
}

// blocked are the ranges no fetch reaches unless allowed: besides what
// netip classifies (loopback, private, link-local, multicast, unspecified).
var blocked = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),      // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),  // CGNAT
	netip.MustParsePrefix("192.0.0.0/24"),   // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),  // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),    // reserved, broadcast
	netip.MustParsePrefix("64:ff9b::/96"),   // NAT64 of any IPv4 address
	netip.MustParsePrefix("64:ff9b:1::/48"), // local NAT64
	netip.MustParsePrefix("2001:db8::/32"),  // documentation
	netip.MustParsePrefix("100::/64"),       // discard
	netip.MustParsePrefix("2002::/16"),      // 6to4 embeds any IPv4 address
	netip.MustParsePrefix("2001::/32"),      // Teredo, likewise
	netip.MustParsePrefix("::ffff:0:0/96"),  // IPv4-mapped (unmapped before checking; kept for safety)
	netip.MustParsePrefix("::/128"),         // unspecified
	netip.MustParsePrefix("fec0::/10"),      // deprecated site-local
	netip.MustParsePrefix("ff00::/8"),       // multicast
	netip.MustParsePrefix("fe80::/10"),      // link-local
	netip.MustParsePrefix("fc00::/7"),       // unique local
	netip.MustParsePrefix("169.254.0.0/16"), // link-local, cloud metadata
	netip.MustParsePrefix("224.0.0.0/4"),    // multicast
	netip.MustParsePrefix("127.0.0.0/8"),    // loopback
	netip.MustParsePrefix("10.0.0.0/8"),     // private
	netip.MustParsePrefix("172.16.0.0/12"),  // private
	netip.MustParsePrefix("192.168.0.0/16"), // private
	netip.MustParsePrefix("::1/128"),        // loopback
}

// Internal reports whether ip is an address fetching refuses by default.
func Internal(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() || !ip.IsValid() {
		return true
	}
	for _, p := range blocked {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

func parseAllow(list []string) (guard, error) {
	g := guard{hosts: map[string]bool{}, hostPort: map[string]bool{}, addrPort: map[netip.AddrPort]bool{}}
	for _, item := range list {
		item = strings.ToLower(strings.TrimSpace(item))
		if item == "" {
			continue
		}
		if p, err := netip.ParsePrefix(item); err == nil {
			g.prefixes = append(g.prefixes, p.Masked())
			continue
		}
		if ip, err := netip.ParseAddr(strings.Trim(item, "[]")); err == nil {
			g.prefixes = append(g.prefixes, netip.PrefixFrom(ip.Unmap(), ip.Unmap().BitLen()))
			continue
		}
		if ap, err := netip.ParseAddrPort(item); err == nil {
			g.addrPort[netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())] = true
			continue
		}
		if h, p, err := net.SplitHostPort(item); err == nil && h != "" && p != "" {
			g.hostPort[h+":"+p] = true
			continue
		}
		if strings.ContainsAny(item, "/ ") {
			return guard{}, fmt.Errorf("HOIBAO_FETCH_ALLOW: %q is not a host, an address or a CIDR range", item)
		}
		g.hosts[item] = true
	}
	return g, nil
}

// allows reports whether a connection to ip (resolved from host) on port
// may be made.
func (g guard) allows(host, port string, ip netip.Addr) bool {
	ip = ip.Unmap()
	if !Internal(ip) {
		return true
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if g.hosts[host] || g.hostPort[net.JoinHostPort(host, port)] || g.hostPort[host+":"+port] {
		return true
	}
	for _, p := range g.prefixes {
		if p.Contains(ip) {
			return true
		}
	}
	var n uint16
	if _, err := fmt.Sscan(port, &n); err == nil && g.addrPort[netip.AddrPortFrom(ip, n)] {
		return true
	}
	return false
}
