import { queryOptions } from '@tanstack/react-query';
import { EmailTemplateListSchema, SmsTemplateListSchema } from '@/shared/close/activity-schemas';
import { apiRequest } from '@/lib/api-client';

const TEMPLATES = 100;

/** `GET /sms_template/` */
export const smsTemplatesQueryOptions = () =>
  queryOptions({
    queryKey: ['templates', 'sms'] as const,
    queryFn: ({ signal }) => apiRequest({ path: '/sms_template/', query: { _limit: TEMPLATES }, schema: SmsTemplateListSchema, signal }),
    staleTime: 10 * 60_000,
  });

/** `GET /email_template/` */
export const emailTemplatesQueryOptions = () =>
  queryOptions({
    queryKey: ['templates', 'email'] as const,
    queryFn: ({ signal }) => apiRequest({ path: '/email_template/', query: { _limit: TEMPLATES }, schema: EmailTemplateListSchema, signal }),
    staleTime: 10 * 60_000,
  });
