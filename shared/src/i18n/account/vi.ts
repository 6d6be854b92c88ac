import type { AccountCatalog } from '../types.js';

export const viAccount: AccountCatalog = {
  account: {
    headerLink: 'Tài khoản của bạn',
    title: 'Tài khoản của bạn',
    lead: 'Bạn là ai trong Council, ngôn ngữ của bạn và cách bạn nhận tin về những gì đang diễn ra.',
    loading: 'Đang tải tài khoản của bạn…',
    profile: {
      heading: 'Hồ sơ',
      name: 'Tên',
      email: 'Email',
      region: 'Khu vực',
      noRegion: 'Không có khu vực',
      language: 'Ngôn ngữ',
    },
    notifications: {
      heading: 'Thông báo',
      lead: 'Với mỗi loại thông báo, hãy chọn có hiển thị trong ứng dụng hay không, và bạn nhận email ngay lập tức, trong bản tổng hợp hằng ngày hay không nhận.',
      kind: 'Thông báo',
      inApp: 'Trong ứng dụng',
      email: 'Email',
      status: 'Trạng thái',
      delivery: {
        IMMEDIATE: 'Ngay lập tức',
        DAILY_DIGEST: 'Tổng hợp hằng ngày',
        OFF: 'Tắt',
      },
      saving: 'Đang lưu…',
      saved: 'Đã lưu',
      kinds: {
        VOTING_OPENED: { name: 'Mở bỏ phiếu', description: 'Đã mở bỏ phiếu cho một đề xuất mà bạn được quyền bỏ phiếu.' },
        VOTE_CLOSING_SOON: { name: 'Sắp đóng bỏ phiếu', description: 'Việc bỏ phiếu sẽ đóng trong vòng 24 giờ và bạn chưa bỏ phiếu.' },
        VOTING_CLOSED: { name: 'Đã đóng bỏ phiếu', description: 'Đã đóng bỏ phiếu cho một đề xuất bạn đã viết hoặc đã bỏ phiếu, hoặc có vấn đề do bạn nêu hay ủng hộ.' },
        PROPOSAL_ON_MY_ISSUE: { name: 'Đề xuất cho vấn đề của bạn', description: 'Một đề xuất đã được soạn cho vấn đề bạn đã nêu hoặc ủng hộ.' },
        DECISION_MADE: { name: 'Đã có quyết định', description: 'Ban lãnh đạo đã quyết định về một đề xuất bạn đã viết hoặc đã bỏ phiếu, hoặc có vấn đề do bạn nêu hay ủng hộ.' },
        CHANGES_REQUESTED: { name: 'Yêu cầu chỉnh sửa', description: 'Ban lãnh đạo yêu cầu chỉnh sửa một đề xuất bạn đã viết.' },
        ROLLOUT_DUE: { name: 'Triển khai sắp đến hạn', description: 'Một đợt triển khai ở khu vực của bạn đã được mở hoặc đến hạn trong vòng 7 ngày.' },
        ROLLOUT_OVERDUE: { name: 'Triển khai quá hạn', description: 'Một đợt triển khai ở khu vực của bạn đã quá hạn.' },
        AGENDA_PUBLISHED: { name: 'Đã công bố chương trình họp', description: 'Chương trình của một cuộc họp bạn tham dự đã được công bố, hoặc đã thay đổi sau khi công bố.' },
        ACTION_ITEM_ASSIGNED: { name: 'Được giao việc', description: 'Bạn được giao một việc cần làm.' },
        ACTION_ITEM_DUE: { name: 'Việc sắp đến hạn', description: 'Một việc cần làm của bạn đến hạn trong vòng 2 ngày hoặc đã quá hạn.' },
        MENTIONED: { name: 'Được nhắc đến', description: 'Có người đã @nhắc đến bạn trong một bình luận.' },
        REPLY: { name: 'Phản hồi', description: 'Có người bình luận về một vấn đề hoặc đề xuất mà bạn đã nêu, đã viết hoặc đã bình luận.' },
      },
      digest: {
        label: 'Gửi bản tổng hợp hằng ngày lúc',
        hint: 'Múi giờ: {{zone}}. Bản tổng hợp gồm các loại được đặt là “Tổng hợp hằng ngày”.',
        noRegion: 'UTC (bạn không thuộc khu vực nào)',
      },
      unread: 'Chưa đọc',
      subject: {
        Issue: 'Vấn đề',
        Proposal: 'Đề xuất',
        Meeting: 'Cuộc họp',
      },
    },
  },
};
