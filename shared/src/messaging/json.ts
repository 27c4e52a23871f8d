/**
 * Rewrites integer literals that a JS number cannot hold exactly (beyond 2^53, e.g. Viber
 * `message_token`) as JSON strings, so `JSON.parse` keeps every digit. Strings are left untouched.
 */
export function quoteUnsafeIntegers(json: string): string {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  const n = json.length;
  while (i < n) {
    const c = json.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      while (i < n && json.charCodeAt(i) !== 0x22) i += json.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      i++;
      continue;
    }
    if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let j = c === 0x2d ? i + 1 : i;
      while (j < n && isDigit(json.charCodeAt(j))) j++;
      const next = json[j];
      if (next === '.' || next === 'e' || next === 'E') {
        while (j < n && /[0-9.eE+-]/.test(json[j] ?? '')) j++;
      } else {
        const literal = json.slice(i, j);
        if (!Number.isSafeInteger(Number(literal))) {
          out += `${json.slice(copiedUpTo, i)}"${literal}"`;
          copiedUpTo = j;
        }
      }
      i = j;
      continue;
    }
    i++;
  }
  return out + json.slice(copiedUpTo);
}

/** `JSON.parse` that keeps integers beyond 2^53 exact by returning them as strings. @throws SyntaxError */
export function parseJsonPreservingIntegers(json: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(json));
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
