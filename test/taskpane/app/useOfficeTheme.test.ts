import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useOfficeTheme } from '../../../src/taskpane/app/useOfficeTheme';
import { MailboxError } from '../../../src/taskpane/office/mailbox-port';
import { createFakeMailbox } from '../support/fake-mailbox';

describe('useOfficeTheme', () => {
  it('starts from the theme Office reports and follows changes while mounted', async () => {
    const mailbox = createFakeMailbox({ theme: 'dark' });
    const { result, unmount } = renderHook(() => useOfficeTheme(mailbox));
    expect(result.current).toBe('dark');
    await waitFor(() => expect(mailbox.themeListenerCount()).toBe(1));

    act(() => mailbox.switchTheme('light'));
    expect(result.current).toBe('light');

    unmount();
    await waitFor(() => expect(mailbox.themeListenerCount()).toBe(0));
  });

  it('keeps the theme read at load where Outlook cannot report changes', async () => {
    const mailbox = createFakeMailbox({ theme: 'dark' });
    mailbox.onThemeChanged = () => Promise.reject(new MailboxError('unsupported', 'no theme events'));
    const { result } = renderHook(() => useOfficeTheme(mailbox));
    await act(async () => {});
    expect(result.current).toBe('dark');
  });
});
