import { DomainError } from '@foresight/domain';

export function invalidNotificationTransition(
  notificationId: string,
  status: string,
  command: string,
  why?: string,
): DomainError {
  return new DomainError(
    'NOTIFICATION.INVALID_TRANSITION',
    `Notification ${notificationId} is ${status}: ${command} is not allowed${why ? ` (${why})` : ''}`,
    'conflict',
    { notificationId, status, command },
  );
}

export function notificationNotFound(notificationId: string, command: string): DomainError {
  return new DomainError(
    'NOTIFICATION.NOT_FOUND',
    `Notification ${notificationId} was never requested`,
    'not_found',
    {
      notificationId,
      command,
    },
  );
}
