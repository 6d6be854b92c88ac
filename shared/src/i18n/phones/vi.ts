// Phones and register part of the Vietnamese catalog.
import type { PhonesCatalog } from '../types.js';

export const viPhones: PhonesCatalog = {
  phones: {
    menu: {
      open: 'Menu',
    },
    vote: {
      jump: 'Bỏ phiếu ngay',
    },
    filters: {
      toggle: 'Bộ lọc',
      active_one: '{{formatted}} đang bật',
      active_other: '{{formatted}} đang bật',
    },
  },
  policyChanges: {
    heading: 'Đã phê duyệt, đang triển khai',
    lead: 'Các thay đổi đã phê duyệt xuất hiện ở đây ngay; mỗi thay đổi trở thành phiên bản hiện hành khi mọi khu vực đã triển khai xong.',
    rollingOut: 'Đã phê duyệt, đang triển khai ({{done}}/{{total}} khu vực)',
    approved: 'Đã phê duyệt, chưa bắt đầu triển khai',
    newPolicy: 'Chính sách mới',
    changeOf: 'Thay đổi: {{title}}',
    pendingForPolicy: 'Một thay đổi đã được phê duyệt:',
    proposal: 'Đề xuất:',
  },
};
