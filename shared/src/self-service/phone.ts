/**
 * A Russian-style phone number said or typed by a customer, as E.164: `8 900 123-45-67`,
 * `+7 (900) 123 45 67`, `9001234567`; other countries when given in full with their code
 * (11–15 digits). Undefined when the text holds no such number.
 */
export function parseSpokenPhone(text: string): string | undefined {
  const candidates = text.match(/\+?\d[\d\s()-]{8,20}\d/g) ?? [];
  for (const candidate of candidates) {
    const digits = candidate.replace(/\D/g, '');
    if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) return `+7${digits.slice(1)}`;
    if (digits.length === 10 && digits.startsWith('9')) return `+7${digits}`;
    if (candidate.startsWith('+') && digits.length >= 11 && digits.length <= 15 && !digits.startsWith('0')) return `+${digits}`;
  }
  return undefined;
}

/** `+79001234567` → `+7 900 123-45-67`, for saying a number back; other numbers unchanged. */
export function formatPhoneRu(e164: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return match ? `+7 ${match[1]} ${match[2]}-${match[3]}-${match[4]}` : e164;
}
