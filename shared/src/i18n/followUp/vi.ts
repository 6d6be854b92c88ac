// Follow-up part of the Vietnamese catalog: chính sách cần xác nhận, kết quả theo khu vực.
import type { FollowUpCatalog } from '../types.js';

export const viFollowUp: FollowUpCatalog = {
  followUp: {
    upToDate: {
      message: {
        asked: 'Phiên bản {{version}} của “{{title}}” đã có hiệu lực: vui lòng đọc những gì đã thay đổi và xác nhận.',
        reminder: 'Nhắc nhở: vui lòng xác nhận bạn đã đọc phiên bản {{version}} của “{{title}}” (được thông qua {{days}} ngày trước).',
      },
      errors: {
        coordinatorsOnly: 'Chỉ các điều phối viên của một khu vực mới xác nhận chính sách.',
        notCurrent: 'Chỉ có thể xác nhận phiên bản đang có hiệu lực: chính sách đã thay đổi kể từ đó. Hãy đọc phiên bản mới.',
      },
      home: {
        title: 'Chính sách cần xác nhận',
        lead: 'Một phiên bản mới đã có hiệu lực. Hãy đọc những gì đã thay đổi, rồi xác nhận bạn đã đọc.',
        version: 'Phiên bản {{version}}',
        whatChanged: 'Những gì đã thay đổi',
        fullText: 'Toàn văn',
        confirm: 'Tôi đã đọc',
        confirmFor: '“{{title}}”, phiên bản {{version}}',
        done: 'Đã xác nhận: “{{title}}”, phiên bản {{version}}.',
      },
      behind: {
        title: 'Khu vực chậm xác nhận chính sách',
        lead: 'Các điều phối viên chưa xác nhận những phiên bản được thông qua hơn {{days}} ngày trước.',
        missing_one: 'thiếu {{formatted}} xác nhận',
        missing_other: 'thiếu {{formatted}} xác nhận',
        people_one: '{{formatted}} điều phối viên',
        people_other: '{{formatted}} điều phối viên',
        policies_one: '{{formatted}} chính sách',
        policies_other: '{{formatted}} chính sách',
        register: 'Sổ đăng ký chính sách',
      },
      register: {
        heading: 'Đã đọc và xác nhận',
        summary: '{{acknowledged}} trên {{total}} điều phối viên đã xác nhận phiên bản {{version}}.',
        region: '{{region}}: {{acknowledged}} trên {{total}}',
        confirmed: 'Đã xác nhận',
        missing: 'Chưa',
        nobody: 'Chưa có ai',
        everyone: 'Tất cả',
        you: 'Bạn đã xác nhận phiên bản này.',
        confirm: 'Tôi đã đọc phiên bản {{version}}',
      },
    },
    outcomes: {
      message: {
        due: '“{{title}}” hoạt động thế nào ở khu vực của bạn? Vui lòng báo cáo kết quả.',
        reopened: '{{count}} khu vực ({{regions}}) báo rằng “{{proposal}}” không giải quyết được “{{title}}”: vấn đề được đưa ra thảo luận lại.',
      },
      errors: {
        ownRegionOnly: 'Chỉ các điều phối viên của khu vực mới báo cáo kết quả của khu vực đó.',
        notImplemented: 'Chỉ báo cáo kết quả cho những thay đổi đã triển khai.',
        notDue: 'Chưa đến lúc báo cáo kết quả.',
      },
      validation: {
        outcomeNote: { tooLong: 'Số liệu có thể dài tối đa 2.000 ký tự.' },
        delay: 'Nhập số ngày nguyên từ 1 đến 365.',
      },
      settings: {
        heading: 'Kiểm tra kết quả',
        lead: 'Bao lâu sau khi một thay đổi được triển khai thì các khu vực được hỏi liệu nó có giải quyết được vấn đề không.',
        days: 'Số ngày sau khi triển khai',
        hint: 'Từ 1 đến 365. Các thay đổi đã triển khai giữ nguyên ngày của chúng.',
        current: 'Các khu vực được hỏi {{days}} ngày sau khi một thay đổi được triển khai.',
        save: 'Lưu',
        saving: 'Đang lưu…',
        saved: 'Đã lưu: các khu vực được hỏi {{days}} ngày sau khi triển khai.',
      },
      verdict: {
        BETTER: 'Tốt hơn',
        SAME: 'Như cũ',
        WORSE: 'Tệ hơn',
      },
      home: {
        title: 'Kết quả cần báo cáo',
        lead: 'Những thay đổi này đã được triển khai một thời gian. Chúng có giải quyết được vấn đề ở khu vực của bạn không?',
        due: 'Được hỏi từ {{date}}',
        verdict: 'Kết quả ở khu vực của bạn',
        note: 'Số liệu (không bắt buộc)',
        noteHint: 'Ví dụ: số khiếu nại một tuần trước và sau.',
        send: 'Báo cáo',
        sending: 'Đang báo cáo…',
        done: 'Đã báo cáo: “{{title}}”: {{verdict}}.',
      },
      view: {
        title: 'Kết quả theo khu vực',
        due: 'Các khu vực được hỏi vào {{date}}.',
        none: 'Chưa có khu vực nào báo cáo.',
        reopened: 'Kết quả kém từ hai khu vực trở lên đã mở lại vấn đề để thảo luận.',
        by: '{{name}}, {{date}}',
        change: 'Sửa báo cáo của bạn',
      },
    },
  },
};
