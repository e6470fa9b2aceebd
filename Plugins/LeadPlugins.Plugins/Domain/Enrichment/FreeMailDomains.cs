using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Free-mail (consumer mailbox) domains. Exact domains plus families written as "name.*" (hotmail.*, yahoo.*,
    /// gmx.* ...) that match any suffix after the first label. Immutable; <see cref="WithAdditions"/> returns a copy.
    /// </summary>
    public sealed class FreeMailDomains
    {
        private static readonly string[] DefaultDomains =
        {
            "gmail.com", "googlemail.com", "outlook.com", "live.com", "msn.com", "passport.com", "icloud.com", "me.com", "mac.com",
            "aol.com", "aim.com", "web.de", "t-online.de", "freenet.de", "arcor.de", "posteo.de", "mailbox.org",
            "protonmail.com", "protonmail.ch", "proton.me", "pm.me", "tutanota.com", "tuta.io", "tutamail.com",
            "mail.ru", "inbox.ru", "list.ru", "bk.ru", "rambler.ru", "ya.ru",
            "qq.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "aliyun.com", "foxmail.com",
            "naver.com", "daum.net", "hanmail.net", "rediffmail.com",
            "ymail.com", "rocketmail.com", "mail.com", "email.com", "zoho.com", "zohomail.com", "fastmail.com", "fastmail.fm",
            "hushmail.com", "inbox.com", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr",
            "libero.it", "virgilio.it", "tiscali.it", "seznam.cz", "centrum.cz", "wp.pl", "o2.pl", "interia.pl", "onet.pl",
            "abv.bg", "ukr.net", "bluewin.ch", "btinternet.com", "sky.com", "comcast.net", "verizon.net", "att.net",
            "sbcglobal.net", "bellsouth.net", "cox.net", "charter.net", "earthlink.net", "shaw.ca", "rogers.com",
            "bigpond.com", "optusnet.com.au", "uol.com.br", "bol.com.br", "terra.com.br", "telenet.be", "skynet.be",
            "ziggo.nl", "kpnmail.nl", "planet.nl", "home.nl",
        };

        // "family.*": hotmail.com, hotmail.co.uk, hotmail.fr ...
        private static readonly string[] DefaultFamilies =
        {
            "hotmail", "outlook", "live", "windowslive", "yahoo", "gmx", "yandex", "protonmail", "icloud", "gmail",
        };

        /// <summary>The built-in list.</summary>
        public static readonly FreeMailDomains Default = new FreeMailDomains(DefaultDomains, DefaultFamilies);

        private readonly HashSet<string> _domains;
        private readonly string[] _families;

        private FreeMailDomains(IEnumerable<string> domains, string[] families)
        {
            _domains = new HashSet<string>(domains, StringComparer.OrdinalIgnoreCase);
            _families = families;
        }

        /// <summary>
        /// A copy with more domains: "example.org" (exact) or "example.*" (family). Blank entries and entries
        /// without a dot are ignored.
        /// </summary>
        public FreeMailDomains WithAdditions(IEnumerable<string>? additions)
        {
            if (additions == null) return this;
            var domains = new List<string>(_domains);
            var families = new List<string>(_families);
            foreach (var raw in additions)
            {
                var entry = StringRanges.TrimToNull(raw);
                if (entry == null) continue;
                entry = entry.ToLowerInvariant();
                if (entry.StartsWith("@", StringComparison.Ordinal)) entry = entry.Substring(1);
                if (entry.EndsWith(".*", StringComparison.Ordinal))
                {
                    if (entry.Length > 2) families.Add(entry.Substring(0, entry.Length - 2));
                }
                else if (entry.IndexOf('.') > 0)
                {
                    domains.Add(entry);
                }
            }
            return new FreeMailDomains(domains, families.ToArray());
        }

        /// <summary>True when <paramref name="domain"/> (lower or mixed case) is a free-mail domain.</summary>
        public bool Contains(string? domain)
        {
            if (domain == null || domain.Length == 0) return false;
            if (_domains.Contains(domain)) return true;
            for (int i = 0; i < _families.Length; i++)
            {
                string family = _families[i];
                if (domain.Length > family.Length + 1 && domain[family.Length] == '.'
                    && string.Compare(domain, 0, family, 0, family.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
