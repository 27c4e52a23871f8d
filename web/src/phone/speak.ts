/** Says a prompt aloud with the browser's speech synthesis, when it has a voice for the prompt's language. */
export function speak(text: string, language: string): boolean {
  if (typeof speechSynthesis === 'undefined') return false;
  const prefix = language.slice(0, 2).toLowerCase();
  const voice = speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(prefix));
  if (!voice) return false;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = language;
  utterance.voice = voice;
  speechSynthesis.speak(utterance);
  return true;
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}
