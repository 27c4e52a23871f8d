import { describe, expect, it } from 'vitest';
import { audioLink, hears } from './call-audio.ts';

describe('call audio policy', () => {
  it('lets the caller and the agent hear each other', () => {
    expect(audioLink('caller', 'agent')).toEqual({ aToB: true, bToA: true });
  });

  it('lets a listening supervisor hear both sides and be heard by nobody', () => {
    expect(audioLink('listen', 'caller')).toEqual({ aToB: false, bToA: true });
    expect(audioLink('listen', 'agent')).toEqual({ aToB: false, bToA: true });
  });

  it('lets only the agent hear a whisper, while the whisperer hears the call', () => {
    expect(audioLink('whisper', 'agent')).toEqual({ aToB: true, bToA: true });
    expect(audioLink('whisper', 'caller')).toEqual({ aToB: false, bToA: true });
  });

  it('lets a barging supervisor talk with both sides', () => {
    expect(audioLink('barge', 'caller')).toEqual({ aToB: true, bToA: true });
    expect(audioLink('barge', 'agent')).toEqual({ aToB: true, bToA: true });
  });

  it('never links two listeners', () => {
    expect(audioLink('listen', 'listen')).toEqual({ aToB: false, bToA: false });
    expect(hears('caller', 'whisper')).toBe(false);
  });
});
