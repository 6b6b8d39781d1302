/**
 * The Content-Security-Policy nonce of this response: the server sets it on every script Remix
 * inlines, so the policy can forbid every other inline script. Browsers hide it after load, so on
 * the client it is empty, which is all hydration needs.
 */
import { createContext, useContext } from 'react';

export const NonceContext = createContext('');
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
