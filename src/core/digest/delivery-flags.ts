import type { DigestSection } from '../reply.js';

/**
 * What a message carrying these sections asks of the platform when it is sent. One message may
 * carry several subscriptions' sections: it is silent only when every one of them asked for
 * silence (a subscription that wants a sound gets it), shows a link preview when any asked for one,
 * and may ping each role its sections named, once.
 */
export interface DeliveryFlags {
  silent: boolean;
  previews: boolean;
  mentionRoleIds: string[];
}

export function deliveryFlags(sections: readonly DigestSection[]): DeliveryFlags {
  const roles = sections.flatMap((section) => (section.style?.mentionRoleId ? [section.style.mentionRoleId] : []));
  return {
    silent: sections.length > 0 && sections.every((section) => section.style?.silent === true),
    previews: sections.some((section) => section.style?.previews === true),
    mentionRoleIds: [...new Set(roles)],
  };
}

/** Whether a section is shown compact: headlines and links only. */
export const isCompact = (section: DigestSection): boolean => section.style?.format === 'compact';
