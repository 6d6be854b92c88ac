// Forgiving part of the Vietnamese catalog.
import type { ForgivingCatalog } from '../types.js';

export const viForgiving: ForgivingCatalog = {
  forgiving: {
    draft: {
      restored: 'Đã khôi phục bản nháp',
      discard: 'Bỏ',
      discardLabel: 'Bỏ bản nháp đã khôi phục',
      discarded: 'Đã bỏ bản nháp.',
    },
    send: {
      offline: 'Bạn đang ngoại tuyến.',
      network: 'Không kết nối được máy chủ.',
      server: 'Lỗi máy chủ (mã tham chiếu {{reference}}).',
      serverNoReference: 'Lỗi máy chủ.',
      kept: 'Văn bản của bạn vẫn được giữ.',
      retry: 'Thử lại',
    },
    session: {
      title: 'Phiên đăng nhập đã hết hạn',
      lead: 'Hãy đăng nhập lại để tiếp tục. Nội dung bạn đã nhập vẫn ở đây, và thao tác bạn đang gửi sẽ được gửi ngay khi bạn đăng nhập.',
      submit: 'Đăng nhập và tiếp tục',
      submitting: 'Đang đăng nhập…',
      sso: 'Đăng nhập một lần sẽ đưa bạn trở lại trang này; văn bản của bạn được giữ làm bản nháp.',
      someoneElse: 'Đăng nhập bằng người khác',
      cancel: 'Để sau',
      signedIn: 'Đã đăng nhập lại.',
    },
    more: {
      loaded_one: 'Đã tải thêm {{formatted}} mục.',
      loaded_other: 'Đã tải thêm {{formatted}} mục.',
    },
    guide: {
      title: 'Hội đồng làm việc thế nào',
      lead: 'Vấn đề trở thành thay đổi được thống nhất qua sáu bước:',
      issue: 'Vấn đề: một điều phối viên mô tả một vấn đề.',
      support: 'Ủng hộ: các khu vực khác đánh dấu rằng họ cũng bị ảnh hưởng.',
      proposal: 'Đề xuất: ai đó soạn một thay đổi chính sách.',
      vote: 'Bỏ phiếu: các điều phối viên bỏ phiếu cho đề xuất.',
      decision: 'Quyết định: ban lãnh đạo phê duyệt khi cần.',
      rollout: 'Triển khai: từng khu vực đưa thay đổi vào thực tế.',
      start: 'Hãy bắt đầu với bước đầu tiên:',
      action: 'Nêu vấn đề',
    },
  },
};
