/**
 * Word forms of a Hunspell dictionary (the `.aff` / `.dic` pair of the `dictionary-xx` npm
 * packages): every stem plus what its prefix and suffix rules derive from it, lower-cased.
 * Enough of Hunspell for word lists: flag types (single character, `long`, `num`), flag
 * aliases (`AF`), rule conditions, prefix × suffix cross products, `NEEDAFFIX`,
 * `FORBIDDENWORD` and `ONLYINCOMPOUND`; second-level (continuation) affixes and compounding
 * are not expanded.
 */
export function hunspellWordForms(aff: string, dic: string): Set<string> {
  const rules = parseAffixFile(aff);
  const forms = new Set<string>();
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const entry = parseDictionaryLine(lines[i], rules);
    if (!entry) continue;
    const has = (flag: string | undefined) => flag !== undefined && entry.flags.has(flag);
    if (has(rules.forbidden) || has(rules.onlyInCompound)) continue;
    const stem = entry.word;
    if (!has(rules.needAffix)) forms.add(stem.toLowerCase());
    const suffixed: string[] = [];
    for (const flag of entry.flags) {
      for (const rule of rules.suffixes.get(flag) ?? []) {
        const form = applySuffix(stem, rule);
        if (form === null) continue;
        forms.add(form.toLowerCase());
        if (rule.cross) suffixed.push(form);
      }
    }
    for (const flag of entry.flags) {
      for (const rule of rules.prefixes.get(flag) ?? []) {
        const form = applyPrefix(stem, rule);
        if (form !== null) forms.add(form.toLowerCase());
        if (!rule.cross) continue;
        for (const base of suffixed) {
          const both = applyPrefix(base, rule);
          if (both !== null) forms.add(both.toLowerCase());
        }
      }
    }
  }
  return forms;
}

interface AffixRule {
  strip: string;
  add: string;
  condition: RegExp;
  cross: boolean;
}

interface AffixRules {
  splitFlags: (flags: string) => string[];
  aliases: string[][];
  suffixes: Map<string, AffixRule[]>;
  prefixes: Map<string, AffixRule[]>;
  needAffix: string | undefined;
  forbidden: string | undefined;
  onlyInCompound: string | undefined;
}

function parseAffixFile(aff: string): AffixRules {
  const rules: AffixRules = {
    splitFlags: (flags) => [...flags],
    aliases: [],
    suffixes: new Map(),
    prefixes: new Map(),
    needAffix: undefined,
    forbidden: undefined,
    onlyInCompound: undefined,
  };
  const cross = new Map<string, boolean>();
  for (const raw of aff.split('\n')) {
    const parts = raw.replace(/#.*$/, '').trim().split(/\s+/);
    const [keyword] = parts;
    if (keyword === 'FLAG') rules.splitFlags = flagSplitter(parts[1]);
    else if (keyword === 'AF' && parts.length >= 2 && !/^\d+$/.test(parts[1]))
      rules.aliases.push(rules.splitFlags(parts[1]));
    else if (keyword === 'NEEDAFFIX') rules.needAffix = parts[1];
    else if (keyword === 'FORBIDDENWORD') rules.forbidden = parts[1];
    else if (keyword === 'ONLYINCOMPOUND') rules.onlyInCompound = parts[1];
    else if ((keyword === 'SFX' || keyword === 'PFX') && parts.length >= 4) {
      const table = keyword === 'SFX' ? rules.suffixes : rules.prefixes;
      const flag = parts[1];
      if (parts.length === 4 && /^\d+$/.test(parts[3]) && (parts[2] === 'Y' || parts[2] === 'N')) {
        cross.set(`${keyword}${flag}`, parts[2] === 'Y');
        continue;
      }
      const add = parts[3].split('/')[0];
      const rule: AffixRule = {
        strip: parts[2] === '0' ? '' : parts[2],
        add: add === '0' ? '' : add,
        condition: conditionPattern(parts[4] ?? '.', keyword === 'SFX'),
        cross: cross.get(`${keyword}${flag}`) ?? false,
      };
      table.set(flag, [...(table.get(flag) ?? []), rule]);
    }
  }
  return rules;
}

function flagSplitter(type: string | undefined): (flags: string) => string[] {
  if (type === 'long') return (flags) => flags.match(/[\s\S]{1,2}/g) ?? [];
  if (type === 'num') return (flags) => flags.split(',').filter((flag) => flag.length > 0);
  return (flags) => [...flags];
}

/** A Hunspell condition (`.`, `[abc]`, `[^abc]`, literals) anchored at the word's end or start. */
function conditionPattern(condition: string, suffix: boolean): RegExp {
  const escaped = condition.replace(/[{}()*+?|\\$]/g, (c) => `\\${c}`);
  if (condition === '.') return /(?:)/u;
  return new RegExp(suffix ? `${escaped}$` : `^${escaped}`, 'u');
}

function applySuffix(stem: string, rule: AffixRule): string | null {
  if (!rule.condition.test(stem) || !stem.endsWith(rule.strip)) return null;
  return stem.slice(0, stem.length - rule.strip.length) + rule.add;
}

function applyPrefix(stem: string, rule: AffixRule): string | null {
  if (!rule.condition.test(stem) || !stem.startsWith(rule.strip)) return null;
  return rule.add + stem.slice(rule.strip.length);
}

function parseDictionaryLine(
  line: string,
  rules: AffixRules,
): { word: string; flags: Set<string> } | null {
  const field = line.split('\t')[0].trim().split(/\s+/)[0];
  if (!field || field.startsWith('#')) return null;
  const slash = field.search(/(?<!\\)\//);
  const word = (slash < 0 ? field : field.slice(0, slash)).replace(/\\\//g, '/');
  if (!word) return null;
  const flagText = slash < 0 ? '' : field.slice(slash + 1);
  const flags =
    rules.aliases.length > 0 && /^\d+$/.test(flagText)
      ? (rules.aliases[Number(flagText) - 1] ?? [])
      : rules.splitFlags(flagText);
  return { word, flags: new Set(flags) };
}
