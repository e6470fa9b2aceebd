using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    public enum JsonNodeKind
    {
        Null,
        Boolean,
        Number,
        String,
        Object,
        Array,
    }
}
